package org.commonground.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds text a reader would see that a JTE template writes literally instead of looking it up:
 * text nodes and the human-readable attributes (alt, title, placeholder, aria-label). Java code
 * in the template (directives, expressions, template calls) is removed first; the HTML inside
 * content blocks is kept and scanned. Key names in {@code <kbd>} are not language and are skipped.
 */
final class TemplateText {
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern READABLE_ATTRIBUTE =
            Pattern.compile("\\s(alt|title|placeholder|aria-label|aria-description|aria-roledescription)=\"([^\"]*)\"");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern NOT_TEXT = Pattern.compile("(?s)<(script|style|kbd)\\b.*?</\\1>");

    private TemplateText() {}

    static List<String> literals(String template) {
        String html = NOT_TEXT.matcher(stripCode(template)).replaceAll(" ");
        List<String> out = new ArrayList<>();
        Matcher tags = TAG.matcher(html);
        while (tags.find()) {
            Matcher a = READABLE_ATTRIBUTE.matcher(tags.group());
            while (a.find()) {
                if (LETTER.matcher(a.group(2)).find()) {
                    out.add(a.group(1) + "=" + a.group(2).trim());
                }
            }
        }
        for (String text : TAG.split(html)) {
            String t = text.replaceAll("&[a-zA-Z]+;|&#\\d+;", " ").strip();
            if (LETTER.matcher(t).find()) {
                out.add(t.replaceAll("\\s+", " "));
            }
        }
        return out;
    }

    /** The template with its Java removed: comments, directives, expressions, template calls. */
    static String stripCode(String s) {
        StringBuilder out = new StringBuilder();
        strip(s, 0, false, out);
        return out.toString();
    }

    /** Copies HTML from {@code i}; in a content block, stops after its closing backtick. */
    private static int strip(String s, int i, boolean inContentBlock, StringBuilder out) {
        while (i < s.length()) {
            if (s.startsWith("<%--", i)) {
                int end = s.indexOf("--%>", i);
                i = end < 0 ? s.length() : end + 4;
            } else if (s.startsWith("${", i) || s.startsWith("!{", i) || s.startsWith("$unsafe{", i)) {
                i = skipBalanced(s, s.indexOf('{', i), '{', '}');
                out.append(' ');
            } else if (s.startsWith("@import", i) || s.startsWith("@param", i)) {
                int end = s.indexOf('\n', i);
                i = end < 0 ? s.length() : end;
            } else if (startsWithDirective(s, i, "@if(", "@elseif(", "@for(")) {
                i = skipBalanced(s, s.indexOf('(', i), '(', ')');
            } else if (startsWithDirective(s, i, "@else", "@endif", "@endfor")) {
                i++;
                while (i < s.length() && Character.isLetter(s.charAt(i))) {
                    i++;
                }
            } else if (s.startsWith("@template.", i)) {
                i = templateCall(s, s.indexOf('(', i) + 1, out);
            } else if (inContentBlock && s.charAt(i) == '`') {
                return i + 1;
            } else {
                out.append(s.charAt(i++));
            }
        }
        return i;
    }

    /** Skips a template call's Java arguments but keeps the HTML of its content blocks. */
    private static int templateCall(String s, int i, StringBuilder out) {
        int depth = 1;
        while (i < s.length() && depth > 0) {
            char c = s.charAt(i);
            if (s.startsWith("@`", i)) {
                i = strip(s, i + 2, true, out);
                continue;
            }
            if (c == '"') {
                i = skipString(s, i);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            i++;
        }
        return i;
    }

    private static int skipBalanced(String s, int open, char o, char c) {
        int depth = 0;
        int i = open;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (ch == '"') {
                i = skipString(s, i);
                continue;
            }
            if (ch == o) {
                depth++;
            } else if (ch == c && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        return i;
    }

    private static int skipString(String s, int quote) {
        int i = quote + 1;
        while (i < s.length() && s.charAt(i) != '"') {
            i += s.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    private static boolean startsWithDirective(String s, int i, String... names) {
        for (String n : names) {
            if (s.startsWith(n, i)) {
                return true;
            }
        }
        return false;
    }
}
