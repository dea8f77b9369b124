package org.vireo.model;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A libvirt connection URI, parsed once: {@code driver[+transport]://[user@]host[:port]/path[?query]}.
 * Read by hand rather than by {@link java.net.URI}, which refuses what libvirt accepts (a test-driver
 * path with spaces, a host name with an underscore). The questions the app asks of a URI are named
 * methods here, so every caller gets the same answer.
 *
 * @param text      the URI as given
 * @param driver    {@code qemu}, {@code test}, {@code xen}, {@code esx} …
 * @param transport {@code ssh}, {@code libssh}, {@code tcp}, {@code tls}, {@code unix}, {@code ext}, or empty
 * @param user      the user name before {@code @}, or empty
 * @param host      the host without IPv6 brackets, or empty
 * @param port      the port, or -1 when not given
 * @param path      the path ({@code /system}, {@code /default}, a node file), or empty
 * @param query     the query parameters, decoded, in order
 */
public record LibvirtUri(String text, String driver, String transport, String user, String host, int port, String path,
                         Map<String, String> query) {

    /** A URI libvirt would not take; {@link #getMessage()} says why in plain words. */
    public static final class Invalid extends IllegalArgumentException {
        Invalid(String message) {
            super(message);
        }
    }

    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9.-]*)(?:\\+([A-Za-z0-9]+))?:(.*)", Pattern.DOTALL);
    private static final Pattern DRIVER = Pattern.compile("[a-z][a-z0-9]*");
    private static final Set<String> TRANSPORTS = Set.of("ssh", "libssh", "libssh2", "tcp", "tls", "unix", "ext");
    private static final Set<String> SSH_TRANSPORTS = Set.of("ssh", "libssh", "libssh2");
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9_-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9_-]*[A-Za-z0-9])?)*\\.?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9._-]+)?");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._%+-]+");

    public LibvirtUri {
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }

    /** Parses a URI; a malformed one throws {@link Invalid} with a message for the user. */
    public static LibvirtUri parse(String text) {
        if (text == null || text.isBlank()) {
            throw new Invalid(Texts.get("uri.empty"));
        }
        if (text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new Invalid(Texts.get("uri.control"));
        }
        Matcher scheme = SCHEME.matcher(text.strip());
        if (!scheme.matches()) {
            throw new Invalid(Texts.get("uri.noScheme", text));
        }
        String driver = scheme.group(1);
        if (!DRIVER.matcher(driver).matches()) {
            throw new Invalid(Texts.get("uri.driver", driver));
        }
        String transport = scheme.group(2) == null ? "" : scheme.group(2);
        if (!transport.isEmpty() && !TRANSPORTS.contains(transport)) {
            throw new Invalid(Texts.get("uri.transport", transport, String.join(", ", TRANSPORTS.stream().sorted().toList())));
        }
        String rest = scheme.group(3);
        String authority = "";
        if (rest.startsWith("//")) {
            int end = indexOfAny(rest, 2, "/?#");
            authority = rest.substring(2, end);
            rest = rest.substring(end);
        } else if (!rest.isEmpty() && !rest.startsWith("/")) {
            throw new Invalid(Texts.get("uri.noSlashes", text));
        }
        int fragment = rest.indexOf('#');
        if (fragment >= 0) {
            rest = rest.substring(0, fragment);
        }
        int q = rest.indexOf('?');
        String path = q < 0 ? rest : rest.substring(0, q);
        Map<String, String> query = q < 0 ? Map.of() : parseQuery(rest.substring(q + 1));

        String user = "";
        String hostPort = authority;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            user = authority.substring(0, at);
            hostPort = authority.substring(at + 1);
            if (user.contains(":")) {
                throw new Invalid(Texts.get("uri.password"));
            }
            if (!USER.matcher(user).matches()) {
                throw new Invalid(Texts.get("uri.user", user));
            }
            user = URLDecoder.decode(user, StandardCharsets.UTF_8);
        }
        String host;
        String portText = "";
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new Invalid(Texts.get("uri.ipv6", hostPort));
            }
            host = hostPort.substring(1, close);
            if (!IPV6.matcher(host).matches() || !host.contains(":")) {
                throw new Invalid(Texts.get("uri.ipv6", hostPort));
            }
            String after = hostPort.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw new Invalid(Texts.get("uri.ipv6", hostPort));
                }
                portText = after.substring(1);
            }
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            portText = colon < 0 ? "" : hostPort.substring(colon + 1);
            if (!host.isEmpty() && !HOST_NAME.matcher(host).matches()) {
                throw new Invalid(Texts.get("uri.host", host));
            }
        }
        int port = -1;
        if (!portText.isEmpty()) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                port = 0;
            }
            if (port < 1 || port > 65535) {
                throw new Invalid(Texts.get("uri.port", portText));
            }
        }
        if (host.isEmpty() && (!user.isEmpty() || port > 0)) {
            throw new Invalid(Texts.get("uri.noHost", text));
        }
        if (SSH_TRANSPORTS.contains(transport) && host.isEmpty()) {
            throw new Invalid(Texts.get("uri.sshNoHost", text));
        }
        return new LibvirtUri(text.strip(), driver, transport, user, host, port, path, query);
    }

    /** The URI, or empty when it is malformed (the caller has its own answer for that). */
    public static Optional<LibvirtUri> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (Invalid e) {
            return Optional.empty();
        }
    }

    /** The message for a malformed URI, or empty when it is fine: for a field checked as it is typed. */
    public static Optional<String> problem(String text) {
        try {
            parse(text);
            return Optional.empty();
        } catch (Invalid e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Builds a URI from its parts, encoding what needs it (IPv6 brackets, query values). */
    public static LibvirtUri of(String driver, String transport, String user, String host, int port, String path,
                                Map<String, String> query) {
        StringBuilder out = new StringBuilder(driver);
        if (!transport.isEmpty()) {
            out.append('+').append(transport);
        }
        out.append("://");
        if (!host.isEmpty()) {
            if (!user.isEmpty()) {
                out.append(user).append('@');
            }
            out.append(host.contains(":") ? "[" + host + "]" : host);
            if (port > 0) {
                out.append(':').append(port);
            }
        }
        out.append(path);
        String separator = "?";
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            out.append(separator).append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = "&";
        }
        return parse(out.toString());
    }

    /** The local daemon or the test driver, over no network: nothing is asked, so it may connect before the window. */
    public boolean isLocalSocket() {
        return host.isEmpty() && (transport.isEmpty() || transport.equals("unix"));
    }

    /** Whether the URI names another machine. */
    public boolean isRemote() {
        return !host.isEmpty();
    }

    /** A daemon that may come back: anything but a test-driver file or a default local socket, which fail the same way again. */
    public boolean canReconnect() {
        return isRemote() || !transport.isEmpty();
    }

    /** Reached through SSH: Vireo's own SSH session carries it, with the node as jump host for its guests. */
    public boolean reachedOverSsh() {
        return SSH_TRANSPORTS.contains(transport);
    }

    /** libvirt's libssh transport, which crashes with client keepalive (libvirt 9.0). */
    public boolean usesLibssh() {
        return transport.startsWith("libssh");
    }

    /** The SSH port: the URI's, or 22. */
    public int sshPort() {
        return port > 0 ? port : 22;
    }

    /** A query parameter ({@code socket}, {@code keyfile}, {@code known_hosts} …). */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /** The same driver and path over a local UNIX socket: where a forward of the node's socket listens. */
    public String overUnixSocket(String socketPath) {
        return driver + "+unix://" + path + "?socket=" + URLEncoder.encode(socketPath, StandardCharsets.UTF_8);
    }

    /**
     * How another node's libvirtd reaches this one, for a peer-to-peer migration: {@code address} when it is a URI
     * itself; otherwise this URI with {@code address} (or, when blank, this URI's own host) as the host, without the
     * parameters that only make sense on this computer (key and known-hosts files, a local socket). Empty for a
     * local connection with no address given: the other node cannot guess one.
     */
    public Optional<String> peerUri(String address) {
        String given = address == null ? "" : address.strip();
        if (given.contains("://")) {
            return tryParse(given).map(LibvirtUri::text);
        }
        String peerHost = given.isEmpty() ? host : given;
        if (peerHost.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> kept = new LinkedHashMap<>(query);
        kept.keySet().removeAll(Set.of("keyfile", "known_hosts", "known_hosts_verify", "no_verify", "socket", "sshauth", "command"));
        String peerUser = user;
        int at = peerHost.indexOf('@');
        if (at > 0) {
            peerUser = peerHost.substring(0, at);
            peerHost = peerHost.substring(at + 1);
        }
        try {
            // The source node runs ssh itself: libvirt's libssh transport would need keys Vireo cannot hand it.
            String peerTransport = transport.startsWith("libssh") ? "ssh" : transport.equals("unix") ? "" : transport;
            return Optional.of(of(driver, peerTransport.isEmpty() && !peerHost.isEmpty() ? "ssh" : peerTransport, peerUser,
                    peerHost, given.isEmpty() ? port : -1, path, kept).text());
        } catch (Invalid e) {
            return Optional.empty();
        }
    }

    /** A short name: the host, a test-driver node file's base name, or the URI without its query. */
    public String displayName() {
        if (!host.isEmpty()) {
            return host;
        }
        if (path.endsWith(".xml")) {
            String file = Path.of(path).getFileName().toString();
            return file.substring(0, file.length() - ".xml".length());
        }
        int q = text.indexOf('?');
        return q > 0 ? text.substring(0, q) : text;
    }

    @Override
    public String toString() {
        return text;
    }

    private static int indexOfAny(String s, int from, String chars) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                params.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new Invalid(Texts.get("uri.query", pair));
            }
        }
        return params;
    }
}
