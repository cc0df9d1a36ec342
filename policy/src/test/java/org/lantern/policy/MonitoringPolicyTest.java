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

    @Test
    void aPolicySilentOnMonitoringReadsNoTypedText() {
        PolicyDocument policy = PolicyParser.parse(Presets.yaml("astley-park"));

        assertThat(policy.monitoring()).isNull();
        assertThat(policy.monitoringInForce()).isEqualTo(Monitoring.DEFAULT);
        assertThat(policy.monitoringInForce().typedTextBytes()).isZero();
    }

    @Test
    void theSchoolTurnsTypedTextOnAndNamesItsDslAndContact() {
        Monitoring m = PolicyParser.parse(MINIMAL + """
                monitoring: {typedText: true, typedTextMaxBytes: 4096, dslName: Ms Okafor, contact: office@school.example}
                """).monitoringInForce();

        assertThat(m).isEqualTo(new Monitoring(true, 4096, "Ms Okafor", "office@school.example"));
        assertThat(m.typedTextBytes()).isEqualTo(4096);
    }

    @Test
    void typedTextOnWithoutASizeReadsTheMostAPreviewCarries() {
        Monitoring m = PolicyParser.parse(MINIMAL + "monitoring: {typedText: true}\n").monitoringInForce();

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
                monitoring: {typedText: true, typedTextMaxBytes: 2048, contact: "<b>office</b>"}
                """));

        assertThat(html).contains("Safeguarding monitoring", "Yes, up to 2048 bytes of each", "&lt;b&gt;office&lt;/b&gt;")
                .doesNotContain("<b>office</b>");
    }
}
