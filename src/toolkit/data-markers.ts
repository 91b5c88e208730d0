/**
 * Tool output is untrusted data. Before it reaches the model, chat-template control tokens are removed
 * and the text is wrapped in markers that the text itself cannot close.
 */
const chatTemplateTokens: RegExp[] = [
  /<\|[A-Za-z0-9_.-]{1,40}\|>/g, // <|im_start|> <|im_end|> <|eot_id|> <|start_header_id|> <|endoftext|> <|python_tag|> ...
  /<\/?(?:s|tool_call|tool_response|tool_calls|function_call|start_of_turn|end_of_turn|think|system|assistant|user)>/gi,
  /\[\/?(?:INST|SYS|TOOL_CALLS|AVAILABLE_TOOLS|TOOL_RESULTS|SYSTEM_PROMPT)\]/g,
  /<<\/?SYS>>/g,
  /<\uFF5C[^\uFF5C>]{1,40}\uFF5C>/g, // DeepSeek's full-width bars: <｜begin▁of▁sentence｜>
];

/** Removes chat-template control tokens (ChatML, Llama 2/3, Mistral, Gemma, Qwen tool tags, DeepSeek). */
export function stripChatTemplateTokens(text: string): string {
  // Repeated, because removing one token can join the pieces of another around it: <|im<|x|>_start|>.
  let result = text;
  for (let pass = 0; pass < maxPasses; pass++) {
    const before = result;
    for (const token of chatTemplateTokens) result = result.replace(token, '');
    if (result === before) return result;
  }
  // Still nesting after that many passes: only hostile text does that, so its brackets go.
  return result.replace(/[<>[\]|\uFF5C]/g, ' ');
}

/** Each pass is linear; nesting deeper than this is not text anyone meant. */
const maxPasses = 8;

/** `<tool_output name="docker_logs">` ... `</tool_output>`: the inner text cannot open or close a marker. */
export function wrapToolData(tool: string, text: string): string {
  const name = tool.replace(/[^A-Za-z0-9_-]/g, '_');
  const inner = stripChatTemplateTokens(text).replace(/<(\/?)\s*tool_output/gi, '&lt;$1tool_output');
  return `<tool_output name="${name}">\n${inner}\n</tool_output>`;
}
