package org.lantern.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The policy's monitoring section: off by default, set by the school, bounded, published. */
class MonitoringPolicyTest {

    /** The smallest valid policy, shared with the safeguarding list's tests. */
    private static final String MINIMAL = SafeguardingTest.MINIMAL;
    /** The minimal policy with its proxies inspecting TLS, as reading typed text needs. */
    private static final String INSPECTED = MINIMAL + "tlsInspection: {enabled: true}\n";

    @Test
    void aPolicySilentOnMonitoringReadsNoTypedText() {
        PolicyDocument policy = PolicyParser.parse(Presets.yaml("astley-park"));

        assertThat(policy.monitoring()).isNull();
        assertThat(policy.monitoringInForce()).isEqualTo(Monitoring.DEFAULT);
        assertThat(policy.monitoringInForce().typedTextBytes()).isZero();
        assertThat(policy.tlsInspection()).isNull();
        assertThat(policy.tlsInspectionInForce()).isEqualTo(TlsInspection.DEFAULT);
        assertThat(policy.tlsInspectionInForce().enabled()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"astley-park", "prince-henrys", "rothwell-primary"})
    void everyPresetStillReadsAndLeavesTlsInspectionOff(String preset) {
        PolicyDocument policy = PolicyParser.parse(Presets.yaml(preset));

        assertThat(policy.tlsInspectionInForce()).isEqualTo(TlsInspection.DEFAULT);
        assertThat(policy.monitoringInForce().typedText()).isFalse();
    }

    @Test
    void theSchoolRecordsTlsInspectionAndTheCategoriesItNeverDecrypts() {
        TlsInspection tls = PolicyParser.parse(MINIMAL + """
                tlsInspection:
                  enabled: true
                  exemptCategories: [gambling]
                """).tlsInspectionInForce();

        assertThat(tls).isEqualTo(new TlsInspection(true, java.util.List.of("gambling")));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "monitoring: {typedText: true}|6|needs TLS inspection",
            "tlsInspection: {enabled: false}\\nmonitoring: {typedText: true}|7|needs TLS inspection",
            "tlsInspection: {enabled: true, exemptCategories: [banking]}|6|unknown category \"banking\"",
            "tlsInspection: {exemptCategories: [gambling]}|6|exempt from TLS inspection, but it is not enabled",
            "tlsInspection: {enabled: yes}|6|boolean",
            "tlsInspection: {decrypt: true}|6|decrypt"})
    void aTlsSettingThatDoesNotHoldIsRefusedWithItsLineAndWhy(String settings, int line, String why) {
        PolicyValidationException e = catchThrowableOfType(PolicyValidationException.class,
                () -> PolicyParser.parse(MINIMAL + settings.replace("\\n", "\n") + "\n"));

        assertThat(e.errors()).isNotEmpty().allSatisfy(error -> assertThat(error.line()).isEqualTo(line));
        assertThat(e.errors()).anySatisfy(error -> assertThat(error.message()).contains(why));
    }

    @Test
    void theSchoolTurnsTypedTextOnAndNamesItsDslAndContact() {
        Monitoring m = PolicyParser.parse(INSPECTED + """
                monitoring: {typedText: true, typedTextMaxBytes: 4096, dslName: Ms Okafor, contact: office@school.example}
                """).monitoringInForce();

        assertThat(m).isEqualTo(new Monitoring(true, 4096, "Ms Okafor", "office@school.example"));
        assertThat(m.typedTextBytes()).isEqualTo(4096);
    }

    @Test
    void typedTextOnWithoutASizeReadsTheMostAPreviewCarries() {
        Monitoring m = PolicyParser.parse(INSPECTED + "monitoring: {typedText: true}\n").monitoringInForce();

        assertThat(m.typedTextBytes()).isEqualTo(Monitoring.MAX_TYPED_TEXT_BYTES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"typedTextMaxBytes: 0", "typedTextMaxBytes: 65537", "typedText: yes", "scanEverything: true"})
    void aBadSettingIsRefusedWithItsLine(String setting) {
        PolicyValidationException e = catchThrowableOfType(PolicyValidationException.class,
                () -> PolicyParser.parse(MINIMAL + "monitoring:\n  " + setting + "\n"));

        assertThat(e.errors()).isNotEmpty().allSatisfy(error -> assertThat(error.line()).isBetween(6, 7));
    }

    @Test
    void thePublishedPolicySaysWhetherTypedTextIsReadAndEscapesTheContact() {
        String html = PolicyHtmlRenderer.render(PolicyParser.parse(MINIMAL + """
                tlsInspection: {enabled: true, exemptCategories: [gambling]}
                monitoring: {typedText: true, typedTextMaxBytes: 2048, contact: "<b>office</b>"}
                """));

        assertThat(html).contains("Safeguarding monitoring", "Yes, up to 2048 bytes of each", "&lt;b&gt;office&lt;/b&gt;",
                        "Secure (HTTPS) connections are inspected</th><td>Yes, except Gambling")
                .doesNotContain("<b>office</b>");
        assertThat(PolicyHtmlRenderer.render(PolicyParser.parse(MINIMAL)))
                .contains("Secure (HTTPS) connections are inspected</th><td>No: only the names of secure sites are seen");
    }
}
