package org.lantern.proxy.squidguard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lantern.proxy.squidguard.SquidGuardConfig.AclBranch;
import org.lantern.proxy.squidguard.SquidGuardConfig.AclRule;
import org.lantern.proxy.squidguard.SquidGuardConfig.Dest;
import org.lantern.proxy.squidguard.SquidGuardConfig.IpRange;
import org.lantern.proxy.squidguard.SquidGuardConfig.PassEntry;
import org.lantern.proxy.squidguard.SquidGuardConfig.PassKind;
import org.lantern.proxy.squidguard.SquidGuardConfig.Redirect;
import org.lantern.proxy.squidguard.SquidGuardConfig.Source;
import org.lantern.proxy.squidguard.SquidGuardConfig.TimeCondition;
import org.lantern.proxy.squidguard.TimeRule.Dates;
import org.lantern.proxy.squidguard.TimeRule.Minutes;
import org.lantern.proxy.squidguard.TimeRule.Weekly;

/**
 * Reads a squidGuard.conf (the grammar of squidGuard 1.4–1.6: {@code dbhome}, {@code logdir},
 * {@code src}, {@code dest}, {@code time}, {@code acl}) into a {@link SquidGuardConfig}.
 *
 * <p>Statements end at the end of a line or at a closing brace; {@code #} starts a comment where a
 * word could start; double quotes group a word that contains spaces, {@code #} or braces. Anything
 * Lantern cannot enforce exactly as squidGuard would (LDAP and SQL sources, rewrite rules, timed
 * sources and destinations, user quotas) is rejected with its position rather than ignored,
 * because silently dropping part of a school's policy would make the filter lie.
 */
public final class SquidGuardConfParser {

    /** Where squidGuard looks for lists when the config has no {@code dbhome}. */
    public static final Path DEFAULT_DBHOME = Path.of("/var/lib/squidguard/db");

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final Pattern DATE = Pattern.compile("(\\d{4}|\\*)\\.(\\d{1,2}|\\*)\\.(\\d{1,2}|\\*)");

    private final Consumer<Path> beforeReading;

    /** Creates a parser; it holds no state between calls. */
    public SquidGuardConfParser() {
        this(file -> { });
    }

    /**
     * Creates a parser that names each file it reads, so a reloader can tell when the files a
     * configuration was read from change; it holds no state between calls.
     *
     * @param beforeReading told of the squidGuard.conf and of each {@code userlist} and
     *     {@code iplist} file just before it is read, also when it turns out to be missing
     */
    public SquidGuardConfParser(Consumer<Path> beforeReading) {
        this.beforeReading = Objects.requireNonNull(beforeReading, "beforeReading");
    }

    /**
     * @param file the squidGuard.conf to read; {@code userlist} and {@code iplist} files it names
     *     are read too
     * @return the configuration
     * @throws IOException if a file cannot be read
     * @throws SquidGuardConfException if the configuration is invalid or uses an unsupported feature
     */
    public SquidGuardConfig parse(Path file) throws IOException, SquidGuardConfException {
        beforeReading.accept(file);
        if (!Files.isReadable(file)) {
            // Said here because the exception reading would throw names the file and nothing more.
            throw new IOException("cannot read " + file);
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return parse(text, file.toString());
    }

    /**
     * @param text the configuration text
     * @param sourceName the name to use in error messages
     * @return the configuration
     * @throws IOException if a {@code userlist} or {@code iplist} file cannot be read
     * @throws SquidGuardConfException if the configuration is invalid or uses an unsupported feature
     */
    public SquidGuardConfig parse(String text, String sourceName) throws IOException, SquidGuardConfException {
        return new Run(sourceName, tokenise(text, sourceName), beforeReading).config();
    }

    private enum Kind { WORD, OPEN, CLOSE, END_OF_LINE, END_OF_FILE }

    private record Token(Kind kind, String text, int line, int column) {
        String describe() {
            return switch (kind) {
                case WORD -> "'" + text + "'";
                case OPEN -> "'{'";
                case CLOSE -> "'}'";
                case END_OF_LINE -> "end of line";
                case END_OF_FILE -> "end of file";
            };
        }
    }

    private static List<Token> tokenise(String text, String sourceName) throws SquidGuardConfException {
        List<Token> tokens = new ArrayList<>();
        int line = 1;
        int lineStart = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int column = i - lineStart + 1;
            if (c == '\n') {
                tokens.add(new Token(Kind.END_OF_LINE, "", line, column));
                line++;
                lineStart = ++i;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                i++;
            } else if (c == '#') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '{' || c == '}') {
                tokens.add(new Token(c == '{' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c), line, column));
                i++;
            } else if (c == '"') {
                StringBuilder word = new StringBuilder();
                i++;
                while (true) {
                    if (i >= text.length() || text.charAt(i) == '\n') {
                        throw new SquidGuardConfException(sourceName, line, column, "unterminated quoted string");
                    }
                    char q = text.charAt(i);
                    if (q == '"') {
                        i++;
                        break;
                    }
                    if (q == '\\' && i + 1 < text.length() && text.charAt(i + 1) != '\n') {
                        q = text.charAt(++i);
                    }
                    word.append(q);
                    i++;
                }
                tokens.add(new Token(Kind.WORD, word.toString(), line, column));
            } else {
                int start = i;
                while (i < text.length() && " \t\r\f\n{}\"".indexOf(text.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, text.substring(start, i), line, column));
            }
        }
        tokens.add(new Token(Kind.END_OF_LINE, "", line, i - lineStart + 1));
        tokens.add(new Token(Kind.END_OF_FILE, "", line, i - lineStart + 1));
        return tokens;
    }

    /** One parse: a cursor over the tokens and the declarations seen so far. */
    private static final class Run {

        private final String sourceName;
        private final List<Token> tokens;
        private final Consumer<Path> beforeReading;
        private int pos;

        private Path dbhome;
        private Path logdir;
        private final Map<String, TimeRule> times = new LinkedHashMap<>();
        private final Map<String, Source> sources = new LinkedHashMap<>();
        private final Map<String, DestDraft> dests = new LinkedHashMap<>();
        private final List<AclRule> acls = new ArrayList<>();
        private final List<Token> passDestRefs = new ArrayList<>();
        private AclRule defaultAcl;
        private Token aclToken;

        Run(String sourceName, List<Token> tokens, Consumer<Path> beforeReading) {
            this.sourceName = sourceName;
            this.tokens = tokens;
            this.beforeReading = beforeReading;
        }

        SquidGuardConfig config() throws IOException, SquidGuardConfException {
            while (true) {
                skipLineEnds();
                Token t = next();
                if (t.kind == Kind.END_OF_FILE) {
                    break;
                }
                if (t.kind != Kind.WORD) {
                    throw error(t, "expected a declaration (dbhome, logdir, src, dest, time, acl), found " + t.describe());
                }
                switch (t.text) {
                    case "dbhome" -> dbhome = Path.of(single(t));
                    case "logdir" -> logdir = Path.of(single(t));
                    case "src", "source" -> source(t);
                    case "dest", "destination" -> dest(t);
                    case "time" -> time(t);
                    case "acl" -> acl(t);
                    default -> throw unsupportedOrUnknown(t, "declaration");
                }
            }
            if (defaultAcl == null) {
                throw new SquidGuardConfException(sourceName, aclToken == null ? 0 : aclToken.line,
                        aclToken == null ? 0 : aclToken.column,
                        "no 'default' rule: expected 'acl { ... default { pass ...; redirect ... } }'");
            }
            for (Token ref : passDestRefs) {
                if (!dests.containsKey(ref.text)) {
                    throw error(ref, "pass names destination '" + ref.text + "', which is not declared with 'dest'");
                }
            }
            Path home = dbhome == null ? DEFAULT_DBHOME : dbhome;
            Map<String, Dest> resolved = new LinkedHashMap<>();
            for (DestDraft d : dests.values()) {
                resolved.put(d.name, new Dest(d.name, resolve(home, d.domainLists), resolve(home, d.urlLists),
                        resolve(home, d.expressionLists), Optional.ofNullable(d.redirect), Optional.ofNullable(d.log)));
            }
            checkRedirects(resolved);
            return new SquidGuardConfig(home, Optional.ofNullable(logdir), times, List.copyOf(sources.values()),
                    resolved, acls, defaultAcl);
        }

        /**
         * A block with nowhere to send the browser cannot be answered by a url_rewrite_program, and
         * Squid serves the request after a BH; squidGuard itself answers it as a pass. A URL that
         * cannot be read is blocked whatever the pass list, so it may still have no redirect: the
         * helper sends it to {@code SquidHelper.NOWHERE}.
         */
        private void checkRedirects(Map<String, Dest> resolved) throws SquidGuardConfException {
            List<AclRule> all = new ArrayList<>(acls);
            all.add(defaultAcl);
            for (AclRule rule : all) {
                checkBranch(rule.source(), rule.pass(), rule.redirect(), resolved);
                if (rule.otherwise().isPresent()) {
                    AclBranch b = rule.otherwise().get();
                    checkBranch(rule.source() + " else", b.pass(), b.redirect(), resolved);
                }
            }
        }

        private void checkBranch(String name, List<PassEntry> pass, Optional<Redirect> redirect,
                Map<String, Dest> resolved) throws SquidGuardConfException {
            if (redirect.isPresent() || defaultAcl.redirect().isPresent()) {
                return;
            }
            List<PassEntry> effective = pass.isEmpty() ? defaultAcl.pass() : pass;
            for (PassEntry p : effective) {
                boolean destRedirects = p.kind() == PassKind.DEST && resolved.get(p.dest()).redirect().isPresent();
                if (!p.allow() && !destRedirects) {
                    throw new SquidGuardConfException(sourceName, aclToken.line, aclToken.column,
                            "acl '" + name + "' can block but neither it nor 'default' has a redirect; add a redirect "
                                    + "line to one of them (Squid would serve what its url_rewrite_program cannot redirect)");
                }
            }
        }

        private static List<Path> resolve(Path home, List<String> files) {
            List<Path> out = new ArrayList<>();
            for (String f : files) {
                Path p = Path.of(f);
                out.add(p.isAbsolute() ? p : home.resolve(p));
            }
            return out;
        }

        /**
         * The name of a new {@code src} or {@code dest} block: declared once, and without the
         * time condition squidGuard allows there (Lantern takes time from the acl only).
         */
        private Token untimedDeclaration(Token keyword, String what, Map<String, ?> declared)
                throws SquidGuardConfException {
            Token name = name(keyword, what);
            if (declared.containsKey(name.text)) {
                throw error(name, what + " '" + name.text + "' is declared twice");
            }
            Token t = peek();
            if (t.kind == Kind.WORD && (t.text.equals("within") || t.text.equals("outside"))) {
                throw error(t, "timed " + what + "s ('" + keyword.text + " NAME " + t.text + " TIME') are not supported by "
                        + "Lantern; put the time condition on the acl instead");
            }
            open(name);
            return name;
        }

        private void source(Token keyword) throws IOException, SquidGuardConfException {
            Token name = untimedDeclaration(keyword, "source", sources);
            List<IpRange> ips = new ArrayList<>();
            Set<String> users = new HashSet<>();
            List<String> domains = new ArrayList<>();
            while (true) {
                Token s = statementStart();
                if (s == null) {
                    break;
                }
                List<Token> args = rest();
                switch (s.text) {
                    case "ip" -> {
                        requireArgs(s, args, "an address, a.b.c.d/nn or a.b.c.d-e.f.g.h");
                        for (Token a : args) {
                            ips.add(ipRange(a, a.text));
                        }
                    }
                    case "iplist" -> {
                        Token f = one(s, args);
                        for (String line : listFile(f)) {
                            for (String word : line.split("[\\s,]+")) {
                                if (!word.isEmpty()) {
                                    ips.add(ipRange(f, word));
                                }
                            }
                        }
                    }
                    case "user" -> {
                        requireArgs(s, args, "user names");
                        args.forEach(a -> users.add(a.text));
                    }
                    case "userlist" -> {
                        Token f = one(s, args);
                        for (String line : listFile(f)) {
                            users.add(line.split("[\\s:]+")[0]);
                        }
                    }
                    case "domain" -> {
                        requireArgs(s, args, "domain names");
                        args.forEach(a -> domains.add(stripDot(a.text.toLowerCase(Locale.ROOT))));
                    }
                    case "log", "logfile" -> one(s, args);
                    default -> throw unsupportedOrUnknown(s, "source statement (ip, iplist, user, userlist, domain, log)");
                }
            }
            sources.put(name.text, new Source(name.text, ips, users, domains));
        }

        private void dest(Token keyword) throws SquidGuardConfException {
            Token name = untimedDeclaration(keyword, "destination", dests);
            DestDraft d = new DestDraft(name.text);
            while (true) {
                Token s = statementStart();
                if (s == null) {
                    break;
                }
                List<Token> args = rest();
                switch (s.text) {
                    case "domainlist" -> d.domainLists.add(one(s, args).text);
                    case "urllist" -> d.urlLists.add(one(s, args).text);
                    case "expressionlist" -> d.expressionLists.add(one(s, args).text);
                    case "redirect" -> d.redirect = redirect(s, args);
                    case "log", "logfile" -> d.log = logArgument(s, args);
                    default -> throw unsupportedOrUnknown(s,
                            "destination statement (domainlist, urllist, expressionlist, redirect, log)");
                }
            }
            dests.put(name.text, d);
        }

        private void time(Token keyword) throws SquidGuardConfException {
            Token name = name(keyword, "time rule");
            if (times.containsKey(name.text)) {
                throw error(name, "time rule '" + name.text + "' is declared twice");
            }
            open(name);
            List<TimeRule.Element> elements = new ArrayList<>();
            while (true) {
                Token s = statementStart();
                if (s == null) {
                    break;
                }
                List<Token> args = splitDashes(rest());
                switch (s.text) {
                    case "weekly" -> {
                        requireArgs(s, args, "days (letters of smtwhfa, day names or *)");
                        int mask = 0;
                        int i = 0;
                        while (i < args.size() && !TIME.matcher(args.get(i).text).matches()) {
                            mask |= days(args.get(i));
                            i++;
                        }
                        if (mask == 0) {
                            throw error(args.get(0), "expected days (letters of smtwhfa, day names or *)");
                        }
                        elements.add(new Weekly(mask, timeRanges(args, i)));
                    }
                    case "date" -> {
                        requireArgs(s, args, "a date YYYY.MM.DD (fields may be *)");
                        int[] from = date(args.get(0));
                        int[] to = from;
                        int i = 1;
                        if (i + 1 < args.size() && args.get(i).text.equals("-") && DATE.matcher(args.get(i + 1).text).matches()) {
                            to = date(args.get(i + 1));
                            i += 2;
                        }
                        elements.add(new Dates(from, to, timeRanges(args, i)));
                    }
                    default -> throw unsupportedOrUnknown(s, "time statement (weekly, date)");
                }
            }
            times.put(name.text, new TimeRule(name.text, elements));
        }

        private void acl(Token keyword) throws SquidGuardConfException {
            if (aclToken != null) {
                throw error(keyword, "a second 'acl' block; squidGuard allows one");
            }
            aclToken = keyword;
            open(keyword);
            Set<String> seen = new HashSet<>();
            while (true) {
                Token name = statementStart();
                if (name == null) {
                    break;
                }
                boolean isDefault = name.text.equals("default");
                if (!isDefault && !sources.containsKey(name.text)) {
                    throw error(name, "acl names source '" + name.text + "', which is not declared with 'src'");
                }
                if (!seen.add(name.text)) {
                    throw error(name, "acl for '" + name.text + "' is given twice");
                }
                Optional<TimeCondition> condition = Optional.empty();
                Token t = peek();
                if (t.kind == Kind.WORD && (t.text.equals("within") || t.text.equals("outside"))) {
                    next();
                    Token timeName = next();
                    if (timeName.kind != Kind.WORD) {
                        throw error(timeName, "expected a time rule name after '" + t.text + "', found " + timeName.describe());
                    }
                    if (!times.containsKey(timeName.text)) {
                        throw error(timeName, "time rule '" + timeName.text + "' is not declared with 'time' before the acl");
                    }
                    if (isDefault) {
                        throw error(t, "the default acl cannot have a time condition");
                    }
                    condition = Optional.of(new TimeCondition(timeName.text, t.text.equals("within")));
                }
                open(name);
                AclBranch main = aclBody();
                Optional<AclBranch> otherwise = Optional.empty();
                Token after = peek();
                if (after.kind == Kind.WORD && after.text.equals("else")) {
                    next();
                    if (condition.isEmpty()) {
                        throw error(after, "'else' needs a 'within' or 'outside' condition on acl '" + name.text + "'");
                    }
                    open(after);
                    otherwise = Optional.of(aclBody());
                }
                AclRule rule = new AclRule(name.text, condition, main.pass(), main.redirect(), otherwise);
                if (isDefault) {
                    if (rule.pass().isEmpty()) {
                        throw error(name, "the default acl needs a 'pass' list");
                    }
                    defaultAcl = rule;
                } else {
                    acls.add(rule);
                }
            }
        }

        private AclBranch aclBody() throws SquidGuardConfException {
            List<PassEntry> pass = new ArrayList<>();
            Redirect redirect = null;
            while (true) {
                Token s = statementStart();
                if (s == null) {
                    break;
                }
                List<Token> args = rest();
                switch (s.text) {
                    case "pass" -> {
                        requireArgs(s, args, "destination names, !names, in-addr, any, all or none");
                        for (Token a : args) {
                            pass.add(passEntry(a));
                        }
                    }
                    case "redirect" -> redirect = redirect(s, args);
                    case "log", "logfile" -> logArgument(s, args);
                    default -> throw unsupportedOrUnknown(s, "acl statement (pass, redirect, log)");
                }
            }
            return new AclBranch(pass, Optional.ofNullable(redirect));
        }

        private PassEntry passEntry(Token a) throws SquidGuardConfException {
            String word = a.text;
            boolean allow = !word.startsWith("!");
            String name = allow ? word : word.substring(1);
            return switch (name) {
                case "any", "all" -> new PassEntry(PassKind.ALL, "", allow);
                case "none" -> new PassEntry(PassKind.ALL, "", !allow);
                case "in-addr" -> new PassEntry(PassKind.IN_ADDR, "", allow);
                case "" -> throw error(a, "expected a destination name after '!'");
                default -> {
                    passDestRefs.add(new Token(Kind.WORD, name, a.line, a.column));
                    yield new PassEntry(PassKind.DEST, name, allow);
                }
            };
        }

        private Redirect redirect(Token s, List<Token> args) throws SquidGuardConfException {
            String url = one(s, args).text;
            Matcher m = Pattern.compile("(30[1237]):(.+)").matcher(url);
            if (m.matches()) {
                return new Redirect(m.group(2), Integer.parseInt(m.group(1)));
            }
            return new Redirect(url, 0);
        }

        private String logArgument(Token s, List<Token> args) throws SquidGuardConfException {
            if (!args.isEmpty() && args.get(0).text.equals("anonymous")) {
                args = args.subList(1, args.size());
            }
            return one(s, args).text;
        }

        private int days(Token t) throws SquidGuardConfException {
            String w = t.text.toLowerCase(Locale.ROOT);
            String[] names = {"mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays"};
            for (int d = 0; d < names.length; d++) {
                if (w.equals(names[d]) || w.equals(names[d].substring(0, names[d].length() - 1))) {
                    return 1 << (d + 1);
                }
            }
            if (w.equals("*")) {
                return 0xFE;
            }
            int mask = 0;
            for (char c : w.toCharArray()) {
                int index = "mtwhfas".indexOf(c);
                if (index < 0) {
                    throw error(t, "expected days as letters of smtwhfa (s=Sun m=Mon t=Tue w=Wed h=Thu f=Fri a=Sat), "
                            + "day names or *, found '" + t.text + "'");
                }
                mask |= 1 << (index + 1);
            }
            return mask;
        }

        private List<Minutes> timeRanges(List<Token> args, int from) throws SquidGuardConfException {
            List<Minutes> out = new ArrayList<>();
            int i = from;
            while (i < args.size()) {
                if (i + 2 >= args.size() || !args.get(i + 1).text.equals("-")) {
                    throw error(args.get(i), "expected a time range HH:MM-HH:MM, found '" + args.get(i).text + "'");
                }
                int start = minutes(args.get(i));
                int end = minutes(args.get(i + 2));
                if (end <= start) {
                    throw error(args.get(i), "time range ends before it starts");
                }
                out.add(new Minutes(start, end));
                i += 3;
            }
            return out;
        }

        private int minutes(Token t) throws SquidGuardConfException {
            Matcher m = TIME.matcher(t.text);
            if (!m.matches()) {
                throw error(t, "expected a time HH:MM, found '" + t.text + "'");
            }
            int h = Integer.parseInt(m.group(1));
            int min = Integer.parseInt(m.group(2));
            if (h > 24 || min > 59 || (h == 24 && min > 0)) {
                throw error(t, "expected a time between 00:00 and 24:00, found '" + t.text + "'");
            }
            return h * 60 + min;
        }

        private int[] date(Token t) throws SquidGuardConfException {
            Matcher m = DATE.matcher(t.text);
            if (!m.matches()) {
                throw error(t, "expected a date YYYY.MM.DD (fields may be *), found '" + t.text + "'");
            }
            int[] d = new int[3];
            for (int i = 0; i < 3; i++) {
                d[i] = m.group(i + 1).equals("*") ? -1 : Integer.parseInt(m.group(i + 1));
            }
            if ((d[1] != -1 && (d[1] < 1 || d[1] > 12)) || (d[2] != -1 && (d[2] < 1 || d[2] > 31))) {
                throw error(t, "expected a real month (1-12) and day (1-31), found '" + t.text + "'");
            }
            return d;
        }

        /** Splits {@code 08:30-15:30} into three words so spaced and unspaced ranges parse alike. */
        private static List<Token> splitDashes(List<Token> args) {
            List<Token> out = new ArrayList<>();
            for (Token a : args) {
                int start = 0;
                for (int i = 0; i <= a.text.length(); i++) {
                    if (i == a.text.length() || a.text.charAt(i) == '-') {
                        if (i > start) {
                            out.add(new Token(Kind.WORD, a.text.substring(start, i), a.line, a.column + start));
                        }
                        if (i < a.text.length()) {
                            out.add(new Token(Kind.WORD, "-", a.line, a.column + i));
                        }
                        start = i + 1;
                    }
                }
            }
            return out;
        }

        private IpRange ipRange(Token where, String spec) throws SquidGuardConfException {
            int slash = spec.indexOf('/');
            int dash = spec.indexOf('-');
            if (slash >= 0) {
                long net = ipv4(where, spec.substring(0, slash));
                String mask = spec.substring(slash + 1);
                long maskBits;
                if (mask.matches("\\d{1,2}")) {
                    int bits = Integer.parseInt(mask);
                    if (bits > 32) {
                        throw error(where, "expected a prefix length 0-32 in '" + spec + "'");
                    }
                    maskBits = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
                } else {
                    maskBits = ipv4(where, mask);
                }
                long first = net & maskBits;
                return new IpRange(first, first | (~maskBits & 0xFFFFFFFFL));
            }
            if (dash >= 0) {
                long first = ipv4(where, spec.substring(0, dash));
                long last = ipv4(where, spec.substring(dash + 1));
                if (last < first) {
                    throw error(where, "address range '" + spec + "' ends before it starts");
                }
                return new IpRange(first, last);
            }
            long a = ipv4(where, spec);
            return new IpRange(a, a);
        }

        private long ipv4(Token where, String text) throws SquidGuardConfException {
            Matcher m = IPV4.matcher(text);
            if (!m.matches()) {
                throw error(where, "expected an IPv4 address, a.b.c.d/nn, a.b.c.d/mask or a.b.c.d-e.f.g.h, found '" + text + "'");
            }
            long v = 0;
            for (int i = 1; i <= 4; i++) {
                int octet = Integer.parseInt(m.group(i));
                if (octet > 255) {
                    throw error(where, "IPv4 address '" + text + "' has an octet over 255");
                }
                v = (v << 8) | octet;
            }
            return v;
        }

        private List<String> listFile(Token file) throws IOException, SquidGuardConfException {
            Path p = Path.of(file.text);
            if (!p.isAbsolute()) {
                p = (dbhome == null ? DEFAULT_DBHOME : dbhome).resolve(p);
            }
            beforeReading.accept(p);
            if (!Files.isReadable(p)) {
                throw error(file, "cannot read list file " + p);
            }
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    out.add(s);
                }
            }
            return out;
        }

        private static String stripDot(String domain) {
            return domain.startsWith(".") ? domain.substring(1) : domain;
        }

        // --- token helpers ---

        private Token next() {
            return tokens.get(pos++);
        }

        private Token peek() {
            return tokens.get(pos);
        }

        private void skipLineEnds() {
            while (peek().kind == Kind.END_OF_LINE) {
                pos++;
            }
        }

        /** @return the keyword of the next statement in a block, or null at the block's '}' */
        private Token statementStart() throws SquidGuardConfException {
            skipLineEnds();
            Token t = next();
            if (t.kind == Kind.CLOSE) {
                return null;
            }
            if (t.kind != Kind.WORD) {
                throw error(t, "expected a statement or '}', found " + t.describe());
            }
            return t;
        }

        /** @return the words up to the end of the line or a closing brace (which is left) */
        private List<Token> rest() throws SquidGuardConfException {
            List<Token> out = new ArrayList<>();
            while (peek().kind == Kind.WORD) {
                out.add(next());
            }
            if (peek().kind == Kind.OPEN) {
                throw error(peek(), "unexpected '{'");
            }
            return out;
        }

        private Token name(Token keyword, String what) throws SquidGuardConfException {
            Token t = next();
            if (t.kind != Kind.WORD) {
                throw error(t, "expected a " + what + " name after '" + keyword.text + "', found " + t.describe());
            }
            if (!t.text.matches("[A-Za-z0-9_.-]+")) {
                throw error(t, "expected a " + what + " name of letters, digits, '_', '-' or '.', found '" + t.text + "'");
            }
            return t;
        }

        private void open(Token after) throws SquidGuardConfException {
            Token t = next();
            if (t.kind != Kind.OPEN) {
                throw error(t, "expected '{' after '" + after.text + "', found " + t.describe());
            }
        }

        private String single(Token keyword) throws SquidGuardConfException {
            return one(keyword, rest()).text;
        }

        private Token one(Token keyword, List<Token> args) throws SquidGuardConfException {
            if (args.size() != 1) {
                Token at = args.isEmpty() ? peek() : args.get(1);
                throw error(at, "expected exactly one argument after '" + keyword.text + "', found "
                        + (args.isEmpty() ? at.describe() : args.size() + " words"));
            }
            return args.get(0);
        }

        private void requireArgs(Token keyword, List<Token> args, String what) throws SquidGuardConfException {
            if (args.isEmpty()) {
                throw error(peek(), "expected " + what + " after '" + keyword.text + "'");
            }
        }

        private SquidGuardConfException unsupportedOrUnknown(Token t, String expected) {
            Set<String> unsupported = Set.of("rewrite", "rew", "ldapusersearch", "ldapbinddn", "ldapbindpass",
                    "ldapcachetime", "ldapprotover", "mysqlusername", "mysqlpassword", "mysqldb", "execuserlist",
                    "userquota", "ldapipsearch", "netgroup", "continue", "sqlusersearch", "verbose", "within",
                    "outside");
            if (unsupported.contains(t.text)) {
                return error(t, "'" + t.text + "' is a squidGuard feature Lantern does not support; "
                        + "remove it or express it in Lantern's own policy");
            }
            return error(t, "expected a " + expected + ", found '" + t.text + "'");
        }

        private SquidGuardConfException error(Token t, String problem) {
            return new SquidGuardConfException(sourceName, t.line, t.column, problem);
        }
    }

    private static final class DestDraft {
        final String name;
        final List<String> domainLists = new ArrayList<>();
        final List<String> urlLists = new ArrayList<>();
        final List<String> expressionLists = new ArrayList<>();
        Redirect redirect;
        String log;

        DestDraft(String name) {
            this.name = name;
        }
    }
}
