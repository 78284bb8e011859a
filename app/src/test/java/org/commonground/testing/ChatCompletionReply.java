package org.commonground.testing;

import java.util.List;
import java.util.Map;

/**
 * The answer body of OpenAI's chat-completions API ({@code POST /v1/chat/completions}), as the
 * fakes of a self-hosted model send it: one choice whose message carries {@code content}.
 */
public final class ChatCompletionReply {
    private ChatCompletionReply() {}

    /** The answer's JSON fields, for the fake to serialize; token counts are the fake's own estimate. */
    public static Map<String, Object> of(String model, String content, int promptTokens, int completionTokens) {
        return Map.of(
                "id",
                "chatcmpl-fake",
                "object",
                "chat.completion",
                "created",
                1764547200,
                "model",
                model,
                "choices",
                List.of(Map.of(
                        "index",
                        0,
                        "message",
                        Map.of("role", "assistant", "content", content),
                        "finish_reason",
                        "stop")),
                "usage",
                Map.of(
                        "prompt_tokens",
                        promptTokens,
                        "completion_tokens",
                        completionTokens,
                        "total_tokens",
                        promptTokens + completionTokens));
    }
}
