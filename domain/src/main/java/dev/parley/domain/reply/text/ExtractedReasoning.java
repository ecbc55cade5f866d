package dev.parley.domain.reply.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A model's text split into what may be posted and the reasoning written inside it, for models
 * that think in the text rather than in a field of their own (Ollama, llama.cpp, some vLLM set-ups).
 *
 * <p>The rules, with tags matched in any case:
 * <ul>
 *   <li>every {@code <think>…</think>} block, wherever it stands, is reasoning;</li>
 *   <li>an unclosed {@code <think>}: everything after it is reasoning (the model ran out of tokens
 *       while thinking);</li>
 *   <li>a {@code </think>} before any {@code <think>}: everything before it is reasoning (chat
 *       templates that open the block in the prompt, as DeepSeek-R1's do, leave only the closing
 *       tag in the reply);</li>
 *   <li>any other stray {@code </think>} is markup, not text: it is dropped.</li>
 * </ul>
 * Each reasoning part is stripped of surrounding whitespace and left out when blank; the visible
 * text is what remains, stripped.
 *
 * <pre>{@code
 * ExtractedReasoning.from("<think>They greet me.</think>Hello!")
 *     // visible "Hello!", reasoning ["They greet me."]
 * }</pre>
 */
public record ExtractedReasoning(String visible, List<String> reasoning) {

    private static final String OPEN = "<think>";
    private static final String CLOSE = "</think>";

    public ExtractedReasoning {
        Objects.requireNonNull(visible, "visible == null");
        reasoning = List.copyOf(Objects.requireNonNull(reasoning, "reasoning == null"));
    }

    /** Separates {@code text} by the rules above. */
    public static ExtractedReasoning from(String text) {
        Objects.requireNonNull(text, "text == null");
        StringBuilder visible = new StringBuilder(text.length());
        List<String> reasoning = new ArrayList<>();
        int pos = 0;
        int firstOpen = indexOfIgnoreCase(text, OPEN, 0);
        int firstClose = indexOfIgnoreCase(text, CLOSE, 0);
        if (firstClose >= 0 && (firstOpen < 0 || firstClose < firstOpen)) {
            addReasoning(reasoning, text.substring(0, firstClose));
            pos = firstClose + CLOSE.length();
        }
        while (pos < text.length()) {
            int open = indexOfIgnoreCase(text, OPEN, pos);
            int strayClose = indexOfIgnoreCase(text, CLOSE, pos);
            if (strayClose >= 0 && (open < 0 || strayClose < open)) {
                visible.append(text, pos, strayClose);
                pos = strayClose + CLOSE.length();
                continue;
            }
            if (open < 0) {
                visible.append(text, pos, text.length());
                break;
            }
            visible.append(text, pos, open);
            int bodyStart = open + OPEN.length();
            int close = indexOfIgnoreCase(text, CLOSE, bodyStart);
            if (close < 0) {
                addReasoning(reasoning, text.substring(bodyStart));
                break;
            }
            addReasoning(reasoning, text.substring(bodyStart, close));
            pos = close + CLOSE.length();
        }
        return new ExtractedReasoning(visible.toString().strip(), reasoning);
    }

    /** Whether any reasoning was found. */
    public boolean hasReasoning() {
        return !reasoning.isEmpty();
    }

    private static void addReasoning(List<String> into, String part) {
        String stripped = part.strip();
        if (!stripped.isEmpty()) {
            into.add(stripped);
        }
    }

    private static int indexOfIgnoreCase(String text, String tag, int from) {
        int last = text.length() - tag.length();
        for (int i = Math.max(0, from); i <= last; i++) {
            if (text.charAt(i) == '<' && text.regionMatches(true, i, tag, 0, tag.length())) {
                return i;
            }
        }
        return -1;
    }
}
