package org.lantern.server.people;

/**
 * The stage of education a year group belongs to. Seed 000 treats FS/KS1 pupils differently
 * (generic passwords) from KS2, and splits KS2 into lower and upper phases, so KS2 is held as
 * {@link #LKS2} and {@link #UKS2} with {@link #keyStage()} giving "KS2" for both.
 */
public enum KeyStage {
    EYFS("EYFS", "Early Years Foundation Stage (FS)"),
    KS1("KS1", "Key Stage 1"),
    LKS2("KS2", "Lower Key Stage 2"),
    UKS2("KS2", "Upper Key Stage 2"),
    KS3("KS3", "Key Stage 3"),
    KS4("KS4", "Key Stage 4"),
    KS5("KS5", "Key Stage 5 (sixth form)");

    private final String keyStage;
    private final String label;

    KeyStage(String keyStage, String label) {
        this.keyStage = keyStage;
        this.label = label;
    }

    /** The national key stage: "KS2" for both phases of KS2. */
    public String keyStage() {
        return keyStage;
    }

    public String label() {
        return label;
    }
}
