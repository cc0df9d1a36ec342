package org.lantern.server.people;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns Lantern reads from a school MIS export (SIMS, Arbor and similar), each with the
 * header spellings those systems use. Headers are matched ignoring case, spaces and punctuation,
 * so "Date of Birth", "DATE_OF_BIRTH" and "dateofbirth" are one column.
 */
public enum MisColumn {
    TYPE("Type", 16, "type", "kind", "persontype"),
    UPN("UPN", 13, "upn", "uniquepupilnumber"),
    ADMISSION_NUMBER("Admission Number", 20, "adno", "admissionnumber", "admissionno"),
    SURNAME("Legal Surname", 100, "legalsurname", "surname", "lastname", "legallastname"),
    FORENAME("Legal Forename", 100, "legalforename", "forename", "firstname", "legalfirstname"),
    PREFERRED_FORENAME("Preferred Forename", 100, "preferredforename", "preferredname", "preferredfirstname", "knownas"),
    DATE_OF_BIRTH("Date of Birth", 10, "dob", "dateofbirth"),
    YEAR("Year", 16, "year", "ncyear", "yeargroup"),
    REG_GROUP("Reg Group", 20, "reg", "reggroup", "class", "registrationgroup", "regclass", "form"),
    STAFF_CODE("Staff Code", 20, "staffcode"),
    JOB_TITLE("Job Title", 100, "jobtitle"),
    ROLE("Role", 100, "role", "staffrole"),
    START_DATE("Start Date", 10, "startdate", "admissiondate"),
    LEAVING_DATE("Leaving Date", 10, "leavingdate", "leavedate", "enddate"),
    PROXY_USERNAME("Proxy Username", 64, "proxyusername", "username"),
    DEVICE_IP("Device IP", 45, "deviceip", "ipaddress"),
    DEVICE_MAC("Device MAC", 17, "devicemac", "macaddress"),
    EMAIL("Email", 254, "email", "emailaddress");

    private final String label;
    private final int maxLength;
    private final List<String> aliases;

    MisColumn(String label, int maxLength, String... aliases) {
        this.label = label;
        this.maxLength = maxLength;
        this.aliases = List.of(aliases);
    }

    /** The usual header, shown when the file lacks the column. */
    public String label() {
        return label;
    }

    /** The longest value accepted (the database column's width). */
    public int maxLength() {
        return maxLength;
    }

    /** The column a header names, if any. */
    public static Optional<MisColumn> forHeader(String header) {
        String key = header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        for (MisColumn column : values()) {
            if (column.aliases.contains(key)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }
}
