package no.torn.gateway.access;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The RHF codes and the HF codes of each RHF (public reference data, the same codes the services use). The gateway
 * keeps its own copy so that it does not depend on the services' support library.
 */
public final class HealthRegions {

    private static final Map<String, List<String>> TRUSTS = Map.of(
            "helse-nord", List.of("unn", "nordlandssykehuset", "helgelandssykehuset", "finnmarkssykehuset",
                    "sykehusapotek-nord"),
            "helse-midt", List.of("st-olavs", "helse-more-og-romsdal", "helse-nord-trondelag"),
            "helse-vest", List.of("helse-bergen", "helse-stavanger", "helse-fonna", "helse-forde"),
            "helse-sor-ost", List.of("ous", "ahus", "sykehuset-innlandet", "sykehuset-ostfold",
                    "sorlandet-sykehus", "sykehuset-telemark", "sykehuset-i-vestfold", "vestre-viken", "sunnaas",
                    "lovisenberg", "diakonhjemmet"));

    private static final Map<String, String> RHF_OF_HF = new HashMap<>();

    static {
        TRUSTS.forEach((rhf, hfs) -> hfs.forEach(hf -> RHF_OF_HF.put(hf, rhf)));
    }

    private HealthRegions() {
    }

    public static Set<String> rhfCodes() {
        return TRUSTS.keySet();
    }

    public static boolean isRhf(String code) {
        return code != null && TRUSTS.containsKey(code);
    }

    /** The RHF an HF belongs to; empty for anything that is not a known HF code. */
    public static Optional<String> rhfOf(String hf) {
        return Optional.ofNullable(hf == null ? null : RHF_OF_HF.get(hf));
    }
}
