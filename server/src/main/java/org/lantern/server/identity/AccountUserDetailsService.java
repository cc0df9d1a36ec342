package org.lantern.server.identity;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads an account and turns its role into the permissions Spring Security checks. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;

    AccountUserDetailsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("SELECT username, password_hash, role, enabled FROM account WHERE username = :u")
                .param("u", username)
                .query((rs, n) -> {
                    Role role = Role.valueOf(rs.getString("role"));
                    List<SimpleGrantedAuthority> authorities = role.permissions().stream()
                            .map(p -> new SimpleGrantedAuthority(p.authority()))
                            .toList();
                    return User.withUsername(rs.getString("username"))
                            .password(rs.getString("password_hash"))
                            .authorities(authorities)
                            .disabled(!rs.getBoolean("enabled"))
                            .build();
                })
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }
}
