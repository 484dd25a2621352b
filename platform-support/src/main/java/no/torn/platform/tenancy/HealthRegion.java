package no.torn.platform.tenancy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The four regional health authorities (RHF, the tenants) and the hospital trusts (HF) that belong to each.
 * Public reference data: an HF code is only valid inside its own RHF.
 *
 * <p>Organisation numbers (Enhetsregisteret) are listed only where one was checked against a public source and the
 * MOD11 check digit; the source is kept beside the number. Every other number is {@code null}, never a guess.
 */
public enum HealthRegion {
    HELSE_NORD("helse-nord", "Helse Nord RHF", null, null, List.of(
            trust("unn", "Universitetssykehuset Nord-Norge HF"),
            trust("nordlandssykehuset", "Nordlandssykehuset HF"),
            trust("helgelandssykehuset", "Helgelandssykehuset HF"),
            trust("finnmarkssykehuset", "Finnmarkssykehuset HF"),
            trust("sykehusapotek-nord", "Sykehusapotek Nord HF"))),
    HELSE_MIDT("helse-midt", "Helse Midt-Norge RHF", null, null, List.of(
            trust("st-olavs", "St. Olavs hospital HF"),
            trust("helse-more-og-romsdal", "Helse Møre og Romsdal HF"),
            trust("helse-nord-trondelag", "Helse Nord-Trøndelag HF"))),
    HELSE_VEST("helse-vest", "Helse Vest RHF", null, null, List.of(
            trust("helse-bergen", "Helse Bergen HF"),
            trust("helse-stavanger", "Helse Stavanger HF"),
            trust("helse-fonna", "Helse Fonna HF"),
            trust("helse-forde", "Helse Førde HF"))),
    // Source: https://no.wikipedia.org/wiki/Helse_S%C3%B8r-%C3%98st (infobox "Org.nummer 991 324 968"), as used by
    // grants-service's open data (migration V5).
    HELSE_SOR_OST("helse-sor-ost", "Helse Sør-Øst RHF", "991324968",
            "https://no.wikipedia.org/wiki/Helse_S%C3%B8r-%C3%98st", List.of(
            trust("ous", "Oslo universitetssykehus HF"),
            trust("ahus", "Akershus universitetssykehus HF"),
            trust("sykehuset-innlandet", "Sykehuset Innlandet HF"),
            trust("sykehuset-ostfold", "Sykehuset Østfold HF"),
            trust("sorlandet-sykehus", "Sørlandet sykehus HF"),
            trust("sykehuset-telemark", "Sykehuset Telemark HF"),
            trust("sykehuset-i-vestfold", "Sykehuset i Vestfold HF"),
            trust("vestre-viken", "Vestre Viken HF"),
            // Source: https://no.wikipedia.org/wiki/Sunnaas_sykehus (infobox "Org.nummer 883971752"), as used by
            // grants-service's open data (migration V5).
            new HospitalTrust("sunnaas", "Sunnaas sykehus HF", "883971752",
                    "https://no.wikipedia.org/wiki/Sunnaas_sykehus"),
            // Private non-profit hospitals with an operating agreement, part of the region's trusts here.
            trust("lovisenberg", "Lovisenberg Diakonale Sykehus"),
            trust("diakonhjemmet", "Diakonhjemmet Sykehus")));

    /**
     * One hospital trust. {@code organisationNumber} and {@code organisationNumberSource} are both null unless the
     * number was verified.
     */
    public record HospitalTrust(String code, String name, String organisationNumber, String organisationNumberSource) {
    }

    private final String code;
    private final String name;
    private final String organisationNumber;
    private final String organisationNumberSource;
    private final List<HospitalTrust> trusts;
    private final List<String> hospitalTrusts;

    HealthRegion(String code, String name, String organisationNumber, String organisationNumberSource,
                 List<HospitalTrust> trusts) {
        this.code = code;
        this.name = name;
        this.organisationNumber = organisationNumber;
        this.organisationNumberSource = organisationNumberSource;
        this.trusts = trusts;
        this.hospitalTrusts = trusts.stream().map(HospitalTrust::code).toList();
    }

    private static HospitalTrust trust(String code, String name) {
        return new HospitalTrust(code, name, null, null);
    }

    public String code() {
        return code;
    }

    /** The RHF's registered name. */
    public String displayName() {
        return name;
    }

    /** The verified organisation number, or null. */
    public String organisationNumber() {
        return organisationNumber;
    }

    /** Where the organisation number was checked, or null when there is none. */
    public String organisationNumberSource() {
        return organisationNumberSource;
    }

    /** The HF codes of this RHF. */
    public List<String> hospitalTrusts() {
        return hospitalTrusts;
    }

    /** The HFs of this RHF with their names and verified organisation numbers. */
    public List<HospitalTrust> trusts() {
        return trusts;
    }

    public Optional<HospitalTrust> trust(String hf) {
        return trusts.stream().filter(t -> t.code().equals(hf)).findFirst();
    }

    public boolean owns(String hf) {
        return hospitalTrusts.contains(hf);
    }

    public static Optional<HealthRegion> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }

    public static Optional<HealthRegion> ofHospitalTrust(String hf) {
        return Arrays.stream(values()).filter(r -> r.owns(hf)).findFirst();
    }
}
