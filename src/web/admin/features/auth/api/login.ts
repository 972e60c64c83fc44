import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api/client';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) => api.post('/api/v1/auth/login', input),
    // whatever was cached belonged to the previous session
    onSuccess: () => queryClient.clear(),
  });
}
