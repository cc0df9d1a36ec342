package org.lantern.server.http;

import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/**
 * Every page in one English, whatever language the browser asks for: the pages are written in
 * English, so the month and day names in their dates must be too (a French browser was given
 * "sept." amid English words), and a short month is "Sep" as {@link SchoolTime} writes it, not the
 * "Sept" of the JDK's British data that an en-GB browser was given.
 */
@Configuration
class PageLocale {

    @Bean
    LocaleResolver localeResolver() {
        return new FixedLocaleResolver(Locale.ENGLISH);
    }
}
