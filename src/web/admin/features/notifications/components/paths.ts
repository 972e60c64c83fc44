/** The notification screens' addresses (app.tsx routes them; the shell and the order timeline link to them). */
export const NOTIFICATION_SETTINGS_PATH = '/settings/notifications';
export const BUYER_MESSAGES_PATH = '/messages';

/** `/messages?id=12` opens message 12 over the list (the order timeline's 메시지 보기). */
export const buyerMessageHref = (messageId: number) => `${BUYER_MESSAGES_PATH}?id=${messageId}`;
