/** Which dialog of the detail screen is open (one at a time), with what it is about. */
export type DialogState =
  | { kind: 'status' }
  | { kind: 'revert' }
  | { kind: 'cancel' }
  | { kind: 'return' }
  | { kind: 'exchange' }
  | { kind: 'edit' }
  | { kind: 'deposit' }
  | { kind: 'depositRevert' }
  | { kind: 'addAddress' }
  | { kind: 'editAddress'; addressId: number }
  | { kind: 'move'; addressId?: number }
  | { kind: 'claimComplete'; claimId: number; claimKind: 'cancel' | 'return' | 'exchange' }
  | { kind: 'claimStep'; claimId: number; action: { type: 'forward'; to: string; needs: 'none' | 'pickup' | 'reshipment' } | { type: 'back'; to: string } | { type: 'withdraw' } }
  | { kind: 'paymentRequest' }
  | { kind: 'balanceRefund' };

export type OpenDialog = (dialog: DialogState) => void;
