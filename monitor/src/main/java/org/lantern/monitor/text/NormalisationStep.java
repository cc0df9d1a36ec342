package org.lantern.monitor.text;

/** One pass over the text, marking the units it changed with its {@link Step}. */
interface NormalisationStep {

    void apply(TextBuffer text);
}
