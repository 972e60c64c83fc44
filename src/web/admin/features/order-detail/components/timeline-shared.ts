import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { timelineEntrySchema } from '../../../../../contracts/timeline';
import { useToast } from '../../../app/toast';
import { refreshOrder } from '../api/mutation';
import { useDetailI18n } from '../i18n';

export type Entry = z.infer<typeof timelineEntrySchema>;
export type MemoEntry = Extract<Entry, { kind: 'memo' }>;

/** "김대표 (대표)", "이서준 (직원)", "홍길동 (구매자)", "시스템" …: staff by their role, from the app's one role table. */
export function useActorLabel() {
  const { d, t } = useDetailI18n();
  return (actor: Entry['actor']) => {
    const kind = actor.kind === 'staff' && actor.role ? t.shell.roles[actor.role] : (d.timeline.actorKinds[actor.kind] ?? actor.kind);
    return actor.name ? d.timeline.by(actor.name, kind) : kind;
  };
}

/** Memos are not order changes (no version, never a conflict); they refresh the order's memo count and the list. */
export function useMemoMutation<TVars>(orderId: number, fn: (vars: TVars) => Promise<unknown>, message: string) {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => toast.success(message),
    onSettled: () => refreshOrder(queryClient, orderId),
  });
}
