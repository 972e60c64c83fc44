import { Anchor, Badge, Box, Group, Paper, Stack, Text } from '@mantine/core';
import type { MessageChannel } from '../../../../../domain/buyer-message-moments';
import { smsBytes, textMessageKind } from '../../../../../domain/buyer-message-render';
import { useNotificationsI18n } from '../i18n';
import { linksIn, splitLinks } from '../model/links';

/** What a buyer receives: the same shape for a template's preview and a message that was sent. */
export interface RenderedMessage {
  channel: MessageChannel;
  subject: string | null;
  text: string;
  html: string | null;
  /** As the server counted it; null: counted here the same way (domain/buyer-message-render). */
  smsKind?: 'SMS' | 'LMS' | null;
}

/** The text with its line breaks, every URL a real link (staff open the 결제 link from here, as a buyer would). */
export function LinkifiedText({ text }: { text: string }) {
  return (
    <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {splitLinks(text).map((part, index) =>
        part.kind === 'text' ? (
          part.text
        ) : (
          <Anchor key={index} href={part.url} style={{ wordBreak: 'break-all' }}>
            {part.url}
          </Anchor>
        ),
      )}
    </Text>
  );
}

/** A message drawn the way the buyer's phone or mail program shows it. */
export function MessageView({ message }: { message: RenderedMessage }) {
  if (message.channel === 'alimtalk') return <AlimtalkBubble text={message.text} />;
  if (message.channel === 'sms') return <TextMessage message={message} />;
  return <EmailView message={message} />;
}

/** A KakaoTalk-like chat: the channel's yellow header over a white bubble on the chat's blue-grey. */
function AlimtalkBubble({ text }: { text: string }) {
  const { n } = useNotificationsI18n();
  return (
    <Box bg="#b2c7da" p="sm" style={{ borderRadius: 8 }} data-testid="preview-alimtalk">
      <Paper radius="md" maw={340} style={{ overflow: 'hidden' }} shadow="xs">
        <Box bg="#fee500" px="sm" py={6}>
          <Text size="xs" fw={700} c="#3c1e1e">
            {n.preview.kakaoHeader}
          </Text>
        </Box>
        <Box p="sm" bg="white">
          <LinkifiedText text={text} />
        </Box>
      </Paper>
    </Box>
  );
}

/** A phone's text message: SMS or LMS as carriers count it, with the byte count. */
function TextMessage({ message }: { message: RenderedMessage }) {
  const { n } = useNotificationsI18n();
  const kind = message.smsKind ?? textMessageKind(message.text);
  return (
    <Stack gap={6} data-testid="preview-sms">
      <Group gap="xs">
        <Badge variant="light" color={kind === 'SMS' ? 'teal' : 'indigo'} data-testid="sms-kind">
          {kind}
        </Badge>
        <Text size="xs" c="dimmed" data-testid="sms-bytes">
          {n.preview.bytes(smsBytes(message.text))}
        </Text>
      </Group>
      <Paper bg="gray.1" p="sm" radius="lg" maw={340}>
        {kind === 'LMS' && message.subject && (
          <Text size="sm" fw={700} mb={4}>
            {message.subject}
          </Text>
        )}
        <LinkifiedText text={message.text} />
      </Paper>
    </Stack>
  );
}

/**
 * The e-mail's HTML as mail programs show it, in an iframe that may run nothing and reach nothing
 * (sandbox=""): the shop's text is in it. Links cannot be followed inside such a frame, so the
 * message's links are listed under it.
 */
function EmailView({ message }: { message: RenderedMessage }) {
  const { n } = useNotificationsI18n();
  const links = linksIn(message.text);
  return (
    <Stack gap="xs" data-testid="preview-email">
      {message.subject && (
        <Text size="sm">
          <Text span c="dimmed" size="xs" mr={6}>
            {n.preview.subject}
          </Text>
          <Text span fw={700} data-testid="email-subject">
            {message.subject}
          </Text>
        </Text>
      )}
      {message.html !== null ? (
        <iframe title={n.preview.emailFrame} srcDoc={message.html} sandbox="" style={{ width: '100%', minHeight: 360, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4, background: 'white' }} />
      ) : (
        <Paper withBorder p="sm">
          <LinkifiedText text={message.text} />
        </Paper>
      )}
      {message.html !== null && links.length > 0 && (
        <Stack gap={2}>
          <Text size="xs" c="dimmed">
            {n.preview.links}
          </Text>
          {links.map((url) => (
            <Anchor key={url} href={url} size="sm" style={{ wordBreak: 'break-all' }}>
              {url}
            </Anchor>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
