package org.lantern.server.monitoring.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The words in a request body: the values of a form post ({@code application/x-www-form-urlencoded},
 * left escaped, as the monitor decodes {@code +} and {@code %xx} itself and never fails on a bad
 * escape) and the string values of a JSON body (a chat message, a comment), read with Jackson's
 * streaming parser so a body cut short at the preview's size still gives what came before the
 * cut. Other bodies (files, images) are not read.
 */
final class BodyText {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private BodyText() {
    }

    /**
     * @param contentType the request's {@code Content-Type}, any case, perhaps with parameters
     * @return whether its bodies are read: a form post or JSON
     */
    static boolean readable(String contentType) {
        return form(contentType) || json(contentType);
    }

    /**
     * @param contentType the request's {@code Content-Type}
     * @param body the body, or its start; need not be valid
     * @return its texts, in order; for JSON that cannot be read to its end, also the whole body
     *     as one text (invalid UTF-8 read with replacement characters)
     */
    static List<String> of(String contentType, byte[] body) {
        if (form(contentType)) {
            List<String> values = new ArrayList<>();
            for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
                String value = pair.substring(pair.indexOf('=') + 1);
                if (!value.isBlank()) {
                    values.add(value);
                }
            }
            return values;
        }
        if (json(contentType)) {
            return jsonStrings(body);
        }
        return List.of();
    }

    private static List<String> jsonStrings(byte[] body) {
        List<String> strings = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING && !parser.getText().isBlank()) {
                    strings.add(parser.getText());
                }
            }
        } catch (IOException e) {
            // A body cut at the preview's size ends mid-value, and a malformed one (invalid UTF-8,
            // not JSON after all) fails anywhere: keep what was read and read the bytes as text
            // too, so no words after the fault go unread. A phrase found twice is one match.
            strings.add(new String(body, StandardCharsets.UTF_8));
        }
        return strings;
    }

    private static boolean form(String contentType) {
        return mediaType(contentType).equals("application/x-www-form-urlencoded");
    }

    private static boolean json(String contentType) {
        String type = mediaType(contentType);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
