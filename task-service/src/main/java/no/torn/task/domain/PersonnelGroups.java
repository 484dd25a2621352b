package no.torn.task.domain;

import jakarta.enterprise.context.ApplicationScoped;
import no.torn.platform.problem.ProblemException;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Personnel group reference data, read once: it changes only with a migration. */
@ApplicationScoped
public class PersonnelGroups {

    private volatile Map<String, PersonnelGroup> byCode;

    public Map<String, PersonnelGroup> all() {
        Map<String, PersonnelGroup> groups = byCode;
        if (groups == null) {
            List<PersonnelGroup> list = PersonnelGroup.listAll();
            groups = new ConcurrentHashMap<>(list.stream().collect(Collectors.toMap(g -> g.code, Function.identity())));
            byCode = groups;
        }
        return groups;
    }

    public List<PersonnelGroup> sorted() {
        return all().values().stream().sorted(Comparator.comparing(g -> g.code)).toList();
    }

    /** @throws ProblemException 400 naming {@code field} for an unknown code */
    public PersonnelGroup require(String code, String field) {
        PersonnelGroup group = code == null ? null : all().get(code);
        if (group == null) {
            throw ProblemException.invalid(field, "unknown personnel group " + code + "; one of " + all().keySet()
                    .stream().sorted().toList());
        }
        return group;
    }

    public boolean isHealthProfession(String code) {
        PersonnelGroup group = all().get(code);
        return group != null && group.healthProfession;
    }
}
