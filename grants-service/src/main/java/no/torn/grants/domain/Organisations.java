package no.torn.grants.domain;

import java.util.Map;

/** Display names of the RHFs and HFs (public reference data) for award lists and the open-data export. */
public final class Organisations {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("helse-nord", "Helse Nord RHF"),
            Map.entry("helse-midt", "Helse Midt-Norge RHF"),
            Map.entry("helse-vest", "Helse Vest RHF"),
            Map.entry("helse-sor-ost", "Helse Sør-Øst RHF"),
            Map.entry("unn", "Universitetssykehuset Nord-Norge HF"),
            Map.entry("nordlandssykehuset", "Nordlandssykehuset HF"),
            Map.entry("helgelandssykehuset", "Helgelandssykehuset HF"),
            Map.entry("finnmarkssykehuset", "Finnmarkssykehuset HF"),
            Map.entry("sykehusapotek-nord", "Sykehusapotek Nord HF"),
            Map.entry("st-olavs", "St. Olavs hospital HF"),
            Map.entry("helse-more-og-romsdal", "Helse Møre og Romsdal HF"),
            Map.entry("helse-nord-trondelag", "Helse Nord-Trøndelag HF"),
            Map.entry("helse-bergen", "Helse Bergen HF"),
            Map.entry("helse-stavanger", "Helse Stavanger HF"),
            Map.entry("helse-fonna", "Helse Fonna HF"),
            Map.entry("helse-forde", "Helse Førde HF"),
            Map.entry("ous", "Oslo universitetssykehus HF"),
            Map.entry("ahus", "Akershus universitetssykehus HF"),
            Map.entry("sykehuset-innlandet", "Sykehuset Innlandet HF"),
            Map.entry("sykehuset-ostfold", "Sykehuset Østfold HF"),
            Map.entry("sorlandet-sykehus", "Sørlandet sykehus HF"),
            Map.entry("sykehuset-telemark", "Sykehuset Telemark HF"),
            Map.entry("sykehuset-i-vestfold", "Sykehuset i Vestfold HF"),
            Map.entry("vestre-viken", "Vestre Viken HF"),
            Map.entry("sunnaas", "Sunnaas sykehus HF"),
            Map.entry("lovisenberg", "Lovisenberg Diakonale Sykehus"),
            Map.entry("diakonhjemmet", "Diakonhjemmet Sykehus"));

    private Organisations() {
    }

    public static String name(String code) {
        return NAMES.getOrDefault(code, code);
    }
}
