/** Bot API Update objects as Telegram sends them for a private chat with a person. */
let nextMessageId = 500;

export function person(userId: number, name = 'Ada') {
  return { id: userId, is_bot: false, first_name: name };
}

export function textUpdate(userId: number, text: string): Record<string, unknown> {
  return chatTextUpdate(userId, { id: userId, type: 'private', first_name: 'Ada' }, text);
}

/** A message in a group (or supergroup) chat; group ids are negative, like Telegram's. */
export function groupTextUpdate(userId: number, groupId: number, text: string): Record<string, unknown> {
  return chatTextUpdate(userId, { id: groupId, type: 'supergroup', title: 'Home lab' }, text);
}

function chatTextUpdate(userId: number, chat: Record<string, unknown>, text: string): Record<string, unknown> {
  // Telegram's bot_command entity covers "/status@some_bot" whole.
  const command = /^\/[a-z_]+(@[A-Za-z0-9_]+)?/.exec(text);
  const entities = command ? { entities: [{ offset: 0, length: command[0].length, type: 'bot_command' }] } : {};
  return {
    message: {
      message_id: nextMessageId++,
      from: person(userId),
      chat,
      date: Math.floor(Date.now() / 1000),
      text,
      ...entities,
    },
  };
}

export function voiceUpdate(
  userId: number,
  voice: { fileId: string; duration: number; fileSize: number },
): Record<string, unknown> {
  return {
    message: {
      message_id: nextMessageId++,
      from: person(userId),
      chat: { id: userId, type: 'private', first_name: 'Ada' },
      date: Math.floor(Date.now() / 1000),
      voice: {
        file_id: voice.fileId,
        file_unique_id: `u-${voice.fileId}`,
        duration: voice.duration,
        mime_type: 'audio/ogg',
        file_size: voice.fileSize,
      },
    },
  };
}

export function callbackUpdate(
  userId: number,
  data: string,
  message: { messageId: number; chatId: number; text: string },
): Record<string, unknown> {
  return {
    callback_query: {
      id: `cb-${nextMessageId++}`,
      from: person(userId, 'Bob'),
      chat_instance: '-845193564723352',
      data,
      message: {
        message_id: message.messageId,
        from: { id: 7000001, is_bot: true, first_name: 'sysvox' },
        chat: { id: message.chatId, type: 'private' },
        date: Math.floor(Date.now() / 1000),
        text: message.text,
      },
    },
  };
}
