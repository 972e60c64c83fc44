import { useMutation, useQueryClient } from '@tanstack/react-query';
import { chooseShopSchema, type ChooseShop } from '../../../../../contracts/auth';
import { api } from '../../../app/api/client';

export interface LoginInput {
  email: string;
  password: string;
  shopId?: number;
}

/** Signs in; answers the shops to choose from when the e-mail works for several (no session yet), else nothing. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput): Promise<ChooseShop | undefined> => api.post('/api/v1/auth/login', input, chooseShopSchema.optional()),
    // whatever was cached belonged to the previous session
    onSuccess: (answer) => {
      if (!answer) queryClient.clear();
    },
  });
}
