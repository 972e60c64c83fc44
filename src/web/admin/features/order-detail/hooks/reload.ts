import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useToast } from '../../../app/toast';
import { refreshOrder } from '../api/mutation';
import { useDetailI18n } from '../i18n';
import { useConflict } from './conflict';

/** 새로고침: fetch the order and everything about it again, and forget the conflict. */
export function useReloadOrder(orderId: number) {
  const queryClient = useQueryClient();
  const { clear } = useConflict();
  const toast = useToast();
  const { d } = useDetailI18n();
  return useCallback(async () => {
    await refreshOrder(queryClient, orderId);
    clear();
    toast.success(d.conflict.reloaded);
  }, [queryClient, orderId, clear, toast, d]);
}
