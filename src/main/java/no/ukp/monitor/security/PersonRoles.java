package no.ukp.monitor.security;

import static no.ukp.monitor.db.Tables.PERSON_ROLE;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import no.ukp.monitor.system.InvalidRequest;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The roles the service keeps for people signed in through single sign-on (table
 * {@code person_role}), granted by the admin: HelseID gives no group claims. A person is found
 * by the subject of their tokens or, until the admin knows it, by their name.
 */
@Service
public class PersonRoles {

    /** The longest subject or name kept (the column's width). */
    static final int MAX_PERSON = 200;

    private final DSLContext dsl;
    private final Clock clock;

    PersonRoles(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** A person and their roles (viewer, analyst, ingest, planner, admin): who granted them, when. */
    public record Person(String person, List<String> roles, String changedBy, OffsetDateTime changedAt) {
    }

    /** What the admin sends: the person (subject or name) and all their roles; none removes the person. */
    public record PersonForm(@NotBlank(message = "mangler") @Size(max = MAX_PERSON, message = "kan ha høyst 200 tegn") String person,
                             @NotNull(message = "mangler") List<String> roles) {
    }

    /** Everyone with roles, by subject or name. */
    public List<Person> all() {
        return dsl.selectFrom(PERSON_ROLE).orderBy(PERSON_ROLE.PERSON)
                .fetch(r -> new Person(r.getPerson(), List.of(r.getRoles()), r.getChangedBy(), r.getChangedAt()));
    }

    /** Gives the person exactly these roles (none: removes the person); returns what is stored. */
    @Transactional
    public Person set(PersonForm form, String by) {
        String person = form.person().strip();
        Set<String> roles = new LinkedHashSet<>();
        for (String role : form.roles()) {
            if (role == null || !Role.USERS.contains(role)) {
                throw new InvalidRequest("Ukjent rolle «" + role + "»: bruk " + String.join(", ", Role.USERS) + ".");
            }
            roles.add(role);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (roles.isEmpty()) {
            dsl.deleteFrom(PERSON_ROLE).where(PERSON_ROLE.PERSON.eq(person)).execute();
            return new Person(person, List.of(), by, now);
        }
        // in one order whatever order they came in: viewer, analyst, ingest, planner, admin
        String[] stored = Role.USERS.stream().filter(roles::contains).toArray(String[]::new);
        dsl.insertInto(PERSON_ROLE)
                .set(PERSON_ROLE.PERSON, person).set(PERSON_ROLE.ROLES, stored)
                .set(PERSON_ROLE.CHANGED_BY, by).set(PERSON_ROLE.CHANGED_AT, now)
                .onConflict(PERSON_ROLE.PERSON).doUpdate()
                .set(PERSON_ROLE.ROLES, stored).set(PERSON_ROLE.CHANGED_BY, by).set(PERSON_ROLE.CHANGED_AT, now)
                .execute();
        return new Person(person, List.of(stored), by, now);
    }

    /** The roles kept for the person with this subject or this name (either may be null). */
    List<String> of(String subject, String name) {
        return dsl.select(PERSON_ROLE.ROLES).from(PERSON_ROLE)
                .where(PERSON_ROLE.PERSON.in(Arrays.asList(subject, name)))
                .fetch(PERSON_ROLE.ROLES).stream().flatMap(Arrays::stream).distinct().toList();
    }
}
