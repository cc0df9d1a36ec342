package org.lantern.server.http;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import org.thymeleaf.context.Context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

/** Pages write dates in one English whatever the browser's language: "1 Sep 2026", never "1 Sept" or "1 sept.". */
@PersistenceTest
@AutoConfigureMockMvc
class PageLocaleTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    LocaleResolver locales;
    private final SpringTemplateEngine templates = new SpringTemplateEngine();

    PageLocaleTest() {
        templates.setTemplateResolver(new StringTemplateResolver());
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-GB", "fr-FR", "de-DE", "ar", "ur-PK"})
    void anyBrowserGetsEnglishDates(String language) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Accept-Language", language);
        Locale locale = locales.resolveLocale(request);

        Context context = new Context(locale);
        context.setVariable("day", LocalDate.of(2026, 9, 1));
        assertThat(templates.process("[(${#temporals.format(day, 'EEE d MMM yyyy')})]", context)).isEqualTo("Tue 1 Sep 2026");
        mvc.perform(get("/login").header("Accept-Language", language)).andExpect(header().string("Content-Language", "en"));
    }
}
