package org.lantern.server.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Turns a Thymeleaf template into a PDF, so a download says exactly what the page says. The
 * template must be well-formed XHTML (the PDF engine parses it as XML) and may not use
 * context-relative links, since it is rendered outside a web request.
 */
@Component
public class PdfRenderer {

    private final ITemplateEngine templates;

    PdfRenderer(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** The PDF of {@code template} rendered with {@code model}. */
    public byte[] render(String template, Map<String, Object> model) {
        String xhtml = templates.process(template, new Context(Locale.UK, model));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("rendering " + template + " as PDF", e);
        }
    }
}
