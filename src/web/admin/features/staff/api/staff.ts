import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createdStaffInvitationSchema,
  staffLinkSchema,
  staffListSchema,
  staffMemberSchema,
  staffTokenInfoSchema,
  type CreateStaffInvitation,
  type UpdateStaff,
} from '../../../../../contracts/staff';
import { api } from '../../../app/api/client';

const STAFF_KEY = ['staff'] as const;

/** GET /api/v1/staff: everyone on staff and the invitations still waiting. */
export function useStaffList() {
  return useQuery({ queryKey: STAFF_KEY, queryFn: ({ signal }) => api.get('/api/v1/staff', staffListSchema, signal) });
}

function useStaffChange<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: STAFF_KEY }) });
}

/** POST /api/v1/staff-invitations: the answer carries the one-time link (shown once). */
export const useInviteStaff = () => useStaffChange((body: CreateStaffInvitation) => api.post('/api/v1/staff-invitations', body, createdStaffInvitationSchema));

/** DELETE /api/v1/staff-invitations/{id}. */
export const useRevokeInvitation = () => useStaffChange((invitationId: number) => api.delete(`/api/v1/staff-invitations/${invitationId}`));

/** PATCH /api/v1/staff/{id}: role or name. */
export const useUpdateStaff = () => useStaffChange(({ staffId, body }: { staffId: number; body: UpdateStaff }) => api.patch(`/api/v1/staff/${staffId}`, body, staffMemberSchema));

/** POST /api/v1/staff/{id}/deactivate or /reactivate. */
export const useSetStaffActive = () =>
  useStaffChange(({ staffId, active }: { staffId: number; active: boolean }) => api.post(`/api/v1/staff/${staffId}/${active ? 'reactivate' : 'deactivate'}`, undefined, staffMemberSchema));

/** POST /api/v1/staff/{id}/password-resets: a one-time link (shown once). */
export const useResetPassword = () => useStaffChange((staffId: number) => api.post(`/api/v1/staff/${staffId}/password-resets`, undefined, staffLinkSchema));

/** GET /api/v1/staff-invitations/{token} (public): what the link is for. */
export function useStaffLinkInfo(token: string) {
  return useQuery({
    queryKey: ['staff-link', token],
    queryFn: ({ signal }) => api.get(`/api/v1/staff-invitations/${encodeURIComponent(token)}`, staffTokenInfoSchema, signal),
    retry: false,
  });
}

/** POST /api/v1/staff-invitations/{token}/accept (public): sets the password and signs in. */
export function useAcceptStaffLink(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => api.post(`/api/v1/staff-invitations/${encodeURIComponent(token)}/accept`, { password }),
    // whatever was cached belonged to another session
    onSuccess: () => queryClient.clear(),
  });
}
