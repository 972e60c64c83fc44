import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api/client';
import { navigate } from '../../../app/router';

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/v1/auth/logout', undefined),
    onSettled: () => {
      queryClient.clear();
      navigate('/login');
    },
  });
}
