package org.lantern.server.activity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantern.server.identity.AccountPrincipal;
import org.lantern.server.identity.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees names in the activity log: the safeguarding team and headteacher always; the network
 * manager only when the school's setting ({@link ActivityNamesSetting}) says so.
 */
class SearcherTest {

    @ParameterizedTest(name = "{0}, school setting {1}: names {2}")
    @CsvSource({
            "DSL, false, true",
            "DEPUTY_DSL, false, true",
            "HEADTEACHER, false, true",
            "ADMIN, false, false",
            "ADMIN, true, true",
            "DSL, true, true"})
    void namesAreShownByRoleAndTheSchoolsSetting(Role role, boolean technicalSeesNames, boolean names) {
        var user = UsernamePasswordAuthenticationToken.authenticated(new AccountPrincipal(7, "someone"), null,
                role.permissions().stream().map(p -> new SimpleGrantedAuthority(p.authority())).toList());

        Searcher searcher = Searcher.of(user, technicalSeesNames);

        assertThat(searcher.names()).isEqualTo(names);
        assertThat(searcher.username()).isEqualTo("someone");
    }
}
