package org.lantern.server.people;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.lantern.server.identity.Permission;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The people directory for machines (the web filter resolving requests to people). It returns
 * what filtering needs (kind, year group, key stage, identities, access) and deliberately leaves
 * out dates of birth, UPNs and admission numbers: children's data leaves only when it must. Network
 * identities (devices) are given only to holders of PEOPLE_READ_DETAILS, as on the person page;
 * for anyone else {@code networkIdentities} is left out.
 */
@RestController
@RequestMapping("/api/v1/people")
class PeopleApiController {

    private final People people;

    PeopleApiController(People people) {
        this.people = people;
    }

    /** A person as the API shows them. */
    record PersonJson(long id, String kind, String displayName, String legalFirstName, String legalLastName,
                      String preferredFirstName, String yearGroup, String keyStage, String keyStagePhase,
                      String registrationClass, String jobTitle, String staffRole, LocalDate startDate,
                      LocalDate leavingDate, boolean internetAccess, List<NetworkIdentity> networkIdentities) {

        static PersonJson of(Person p, boolean details) {
            return new PersonJson(p.id(), p.kind().name().toLowerCase(Locale.ROOT), p.displayName(),
                    p.legalFirstName(), p.legalLastName(), p.preferredFirstName(),
                    p.yearGroup() == null ? null : p.yearGroup().code(),
                    p.keyStage() == null ? null : p.keyStage().keyStage(),
                    p.keyStage() == null ? null : p.keyStage().name(),
                    p.registrationClass(), p.jobTitle(), p.staffRole(), p.startDate(), p.leavingDate(),
                    p.internetAccess(), details ? p.networkIdentities() : null);
        }
    }

    @GetMapping
    @PreAuthorize("hasAuthority('PEOPLE_READ')")
    List<PersonJson> list(@RequestParam(required = false) String role, Authentication user) {
        PersonKind kind = null;
        if (role != null) {
            kind = PersonKind.parse(role).filter(k -> k.name().equalsIgnoreCase(role.strip()))
                    .orElseThrow(() -> new UnknownRoleException(role));
        }
        boolean details = Permission.PEOPLE_READ_DETAILS.heldBy(user);
        return people.list(kind).stream().map(p -> PersonJson.of(p, details)).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('PEOPLE_READ')")
    PersonJson one(@PathVariable long id, Authentication user) {
        return PersonJson.of(people.get(id), Permission.PEOPLE_READ_DETAILS.heldBy(user));
    }

    @ExceptionHandler(PersonNotFoundException.class)
    ProblemDetail notFound(PersonNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    /** The {@code role} filter named no kind of person. */
    static final class UnknownRoleException extends RuntimeException {
        UnknownRoleException(String role) {
            super("unknown role '" + role + "': use pupil, staff, governor or visitor");
        }
    }

    @ExceptionHandler(UnknownRoleException.class)
    ProblemDetail badRequest(UnknownRoleException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badId(MethodArgumentTypeMismatchException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "'" + e.getValue() + "' is not a person id");
    }
}
