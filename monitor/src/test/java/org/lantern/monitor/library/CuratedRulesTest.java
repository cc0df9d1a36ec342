package org.lantern.monitor.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lantern.monitor.match.Classification;
import org.lantern.monitor.match.Match;
import org.lantern.monitor.match.PhraseMatcher;

/**
 * The curated libraries' rules through the matcher: phrases that must be found at a level for an
 * age band, in every required language and through obfuscation; benign look-alikes (computing,
 * sport, the curriculum, pets) that must not be; help-seeking labelled; identity never alone.
 * These check the rules, one shape each; the evaluation benchmark's labelled set measures accuracy.
 */
class CuratedRulesTest {

    private static final PhraseMatcher MATCHER = PhraseMatcher.build(CuratedLibraries.load());

    private static Classification classify(String text, String band) {
        return MATCHER.classify(text, AgeBand.ofId(band).orElseThrow());
    }

    private static int levelOf(Classification classification, String category) {
        return classification.matches().stream().filter(m -> m.category().id().equals(category))
                .mapToInt(Match::level).max().orElse(0);
    }

    @ParameterizedTest(name = "[{index}] {0} ({1}) -> {2} {3}")
    @CsvSource(delimiter = '|', textBlock = """
            i want to kill myself                          | ks3     | suicide          | 5
            I WANT TO K1LL MYSELF                          | ks3     | suicide          | 5
            how many paracetamol to die                    | ks3     | suicide          | 4
            thinking of how much bleach to die             | ks4     | suicide          | 4
            i want to jump off the roof                    | ks3     | suicide          | 4
            suicide                                        | primary | suicide          | 4
            suicide                                        | ks3     | suicide          | 3
            suicide                                        | ks4     | suicide          | 2
            suicide                                        | staff   | suicide          | 1
            je veux mourir                                 | ks3     | suicide          | 5
            ich will sterben                               | ks3     | suicide          | 5
            quiero morir                                   | ks3     | suicide          | 5
            chcę umrzeć                                    | ks3     | suicide          | 5
            quero morrer                                   | ks3     | suicide          | 5
            voglio morire                                  | ks3     | suicide          | 5
            أريد أن أموت                                   | ks3     | suicide          | 5
            میں مرنا چاہتا ہوں                             | ks3     | suicide          | 5
            marna chahti hoon                              | ks3     | suicide          | 5
            i'm going to unalive myself tonight            | ks3     | suicide          | 5
            life isnt worth living                         | ks4     | suicide          | 4
            chcę się zabić                                 | ks3     | suicide          | 5
            بدي موت                                        | ks3     | suicide          | 5
            he keeps asking me for nudes                   | ks4     | grooming         | 4
            he is threatening to share my pics             | ks4     | grooming         | 5
            i havent eaten in days                         | ks3     | eating-disorder  | 4
            how to hide cuts from my mum                   | ks3     | self-harm        | 4
            i want to cut myself again                     | ks3     | self-harm        | 5
            #selfharm                                      | primary | self-harm        | 4
            ich will mich ritzen                           | ks3     | self-harm        | 4
            cortarme las venas                             | ks3     | self-harm        | 5
            jak się ciąć                                   | ks3     | self-harm        | 5
            أجرح نفسي                                      | ks3     | self-harm        | 4
            pro ana tips                                   | ks3     | eating-disorder  | 4
            kys loser                                      | ks3     | bullying         | 4
            send nudes                                     | primary | grooming         | 5
            send nudes                                     | ks4     | grooming         | 4
            send nudes                                     | staff   | grooming         | 2
            dont tell your parents about us ok             | ks3     | grooming         | 4
            he is blackmailing me with my pics             | ks4     | grooming         | 5
            manda nudes                                    | ks3     | grooming         | 5
            nie mów rodzicom                               | ks3     | grooming         | 4
            سأنشر صورك                                     | ks3     | grooming         | 5
            my groomer said i was being groomed            | ks3     | grooming         | 4
            he checks my phone every night                 | ks3     | coercive-control | 3
            how to join isis                               | ks3     | extremism        | 5
            isis                                           | ks3     | extremism        | 3
            rejoindre daech                                | ks3     | extremism        | 5
            الانضمام الى داعش                              | ks3     | extremism        | 5
            kill all muslims                               | ks3     | hate             | 4
            kill all the somalis                           | ks3     | hate             | 4
            pakistanis should be deported                  | ks3     | hate             | 3
            where to buy drugs                             | ks3     | drugs            | 4
            bring a knife to school tomorrow               | ks3     | weapons          | 5
            porn                                           | primary | pornography      | 4
            porn                                           | post16  | pornography      | 2
            online casino bonus                            | ks3     | gambling         | 2
            pthc                                           | staff   | illegal          | 5
            kinderpornos                                   | ks3     | illegal          | 5
            kids naked pics                                | ks3     | illegal          | 5
            13 year old nudes                              | primary | illegal          | 5
            thirteen yr old girls no clothes               | staff   | illegal          | 5
            year 8 girls nudes                             | post16  | illegal          | 5
            12yo n00dz                                     | ks3     | illegal          | 5
            fotos de niñas desnudas                        | ks3     | illegal          | 5
            nackte kleine mädchen                          | ks3     | illegal          | 5
            dziewczynki nago zdjęcia                       | ks3     | illegal          | 5
            novinhas peladas                               | ks3     | illegal          | 5
            bambine nude foto                              | ks3     | illegal          | 5
            صور اطفال عارية                                | ks3     | illegal          | 5
            bachiyon ki nangi tasveer                      | ks3     | illegal          | 5
            if i took 40 paracetamol would i die           | ks3     | suicide          | 4
            im going to throw myself off the multi storey  | ks3     | suicide          | 5
            i've written goodbye letters to my family      | ks3     | suicide          | 4
            everyone would be better off if i was gone     | ks3     | suicide          | 4
            i just want it all to stop                     | ks3     | suicide          | 4
            je vais me jeter sous un train                 | ks3     | suicide          | 5
            ich bringe mich heute um                       | ks3     | suicide          | 5
            zabiję się jutro                               | ks3     | suicide          | 5
            3ayez amoot                                    | ks3     | suicide          | 5
            khud ko maarna chahta hun                      | ks3     | suicide          | 5
            he made me send him pics                       | ks3     | grooming         | 4
            she said she'd post my pics if i blocked her   | ks3     | grooming         | 5
            il m'a menacée de publier mes photos           | ks3     | grooming         | 5
            my stepdad hits me                             | ks3     | coercive-control | 4
            they keep following me home                    | ks3     | bullying         | 4
            er schlägt mich jeden tag                      | ks3     | bullying         | 4
            i carved his name into my arm                  | ks3     | self-harm        | 4
            he has a knife in his school bag               | ks3     | weapons          | 4
            ich will mich töten                            | ks3     | suicide          | 5
            mi ammazzerò stanotte                          | ks3     | suicide          | 5
            vou me matar hoje                              | ks3     | suicide          | 5
            je vais me tuer ce soir                        | ks3     | suicide          | 5
            i want to die                                  | ks3     | suicide          | 5
            keep this our little secret dont tell your mum | ks3     | grooming         | 4
            someone is threatening me with sextortion      | ks3     | grooming         | 4
            how to hide my scars from my mum               | ks3     | self-harm        | 4
            """)
    void findsThePhraseAtTheBandsLevel(String text, String band, String category, int level) {
        assertThat(levelOf(classify(text, band), category)).isEqualTo(level);
    }

    @ParameterizedTest(name = "[{index}] {0} is not {1}")
    @CsvSource(delimiter = '|', textBlock = """
            suicide squad cast                             | suicide
            romeo and juliet suicide scene essay           | suicide
            why did juliet commit suicide in romeo and juliet | suicide
            you're shooting yourself in the foot, i shoot myself in the foot | suicide
            a chocolate cake to die for                    | suicide
            how to die in minecraft                        | suicide
            cut myself a slice of cake                     | self-harm
            how to kill process in linux                   | weapons
            kill -9 not working                            | weapons
            photo shoot ideas for instagram                | weapons
            how to shoot a basketball                      | weapons
            shoot everyone in fortnite                     | weapons
            isis egyptian goddess mythology                | extremism
            rowing on the river isis                       | extremism
            national action plan on climate                | extremism
            drugs gcse biology revision                    | drugs
            weed killer for lawns                          | drugs
            dog grooming near me                           | grooming
            horse grooming kit                             | grooming
            our secret recipe for brownies                 | grooming
            how to make a bath bomb                        | weapons
            chink in the armour meaning                    | hate
            cortarme el pelo corto                         | self-harm
            me corto el pelo mañana                        | self-harm
            can i buy coke zero in bulk                    | drugs
            take my life back from anxiety                 | suicide
            how many pills of ibuprofen for a headache     | suicide
            my cat jumped off the balcony                  | suicide
            writing a goodbye letter to our retiring teacher | suicide
            i wont be here tomorrow i have the dentist     | suicide
            no point revising anymore the exam is cancelled | suicide
            je vais mourir de rire                         | suicide
            quiero morirme de la risa                      | suicide
            can you send me the photos from the school trip | grooming
            my dad beat me at chess again                  | coercive-control
            my brother hit me up on snapchat               | coercive-control
            my dog follows me home from the park           | bullying
            mi taglio i capelli domani                     | self-harm
            he has my nudes and im 13                      | illegal
            someone asked my 12 year old friend for nudes  | illegal
            a boy airdropped porn to the year 7 kids       | illegal
            how to get nudes of me taken down under 18     | illegal
            how to talk to kids about porn                 | illegal
            naked mole rat facts for kids                  | illegal
            can children see the eclipse with the naked eye | illegal
            nude lipstick for little girls dress up        | illegal
            renaissance paintings of naked children cherubs | illegal
            j'ai 12 ans et je regarde du porno             | illegal
            me mandaron un video porno y tengo 11 años     | illegal
            """)
    void benignLookAlikesAreNotThatCategory(String text, String category) {
        for (AgeBand band : AgeBand.values()) {
            assertThat(levelOf(MATCHER.classify(text, band), category)).as(band.id()).isZero();
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            samaritans phone number
            childline
            shout 85258
            papyrus hopelineuk
            how to help a friend who self harms
            is there a suicide hotline
            am i being groomed
            how to report sextortion
            """)
    void helpSeekingIsLabelledAndLow(String text) {
        Classification classification = classify(text, "ks3");

        assertThat(classification.helpSeeking()).isTrue();
        assertThat(classification.level()).isBetween(1, 2);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            am i gay
            am i trans quiz
            transgender
            what do muslims believe
            coming out to my parents as lesbian
            schwul
            gej
            can school stop me wearing a hijab
            am i bi or just confused
            soy latina y bisexual
            jestem muzułmanką
            wo kann ich in der schule beten
            أين أصلي في المدرسة
            going to the mosque with my dad after school for jummah
            """)
    void identityAloneNeverAlertsAndIsNotShown(String text) {
        for (AgeBand band : AgeBand.values()) {
            Classification classification = MATCHER.classify(text, band);
            assertThat(classification.level()).as(band.id()).isZero();
            assertThat(classification.matches()).isEmpty();
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            i hurt myself playing football
            i hate being gay
            how to make a pizza
            diese mathearbeit bringt mich noch um
            ich lach mich tot
            mia sorella mi ammazza se lo scopre
            essa prova vai me matar
            ce contrôle va me tuer
            el examen va a matarme
            i want to die of embarrassment
            overdosed on sweets at the party
            suicide sprints at basketball training
            first day tomorrow scared but excited
            how to fade chickenpox scars
            can you grab me a drink
            nude statues in the british museum
            my cousins wedding in the summer
            its our little secret we are planning a surprise party
            we had an assembly about sextortion
            laser tag i shot everyone
            comment aiguiser un couteau de cuisine
            the church toilets are disgusting
            ban all phones in the mosque
            """)
    void everydayWordsStayBelowAnAlert(String text) {
        assertThat(List.of(AgeBand.values())).allSatisfy(band ->
                assertThat(MATCHER.classify(text, band).level()).as(band.id()).isLessThan(3));
    }
}
