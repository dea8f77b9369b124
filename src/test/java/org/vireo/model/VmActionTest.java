package org.vireo.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Which actions each state allows: what enables the buttons and menus. */
class VmActionTest {

    private static Set<VmAction> allowed(VmState state, boolean persistent, boolean managedSave) {
        VmSummary vm = new VmSummary("n", "u", "vm", state, 1, 1, persistent, managedSave, List.of());
        Set<VmAction> actions = EnumSet.noneOf(VmAction.class);
        for (VmAction action : VmAction.values()) {
            if (action.allowedFor(vm)) {
                actions.add(action);
            }
        }
        return actions;
    }

    @Test
    void actionsFollowLibvirtsStateRules() {
        assertEquals(EnumSet.of(VmAction.START, VmAction.AUTOSTART_ON, VmAction.DELETE), allowed(VmState.SHUT_OFF, true, false));
        assertEquals(EnumSet.of(VmAction.RESTORE, VmAction.AUTOSTART_ON, VmAction.DELETE), allowed(VmState.SHUT_OFF, true, true));
        assertEquals(EnumSet.of(VmAction.SHUTDOWN, VmAction.REBOOT, VmAction.FORCE_OFF, VmAction.RESET, VmAction.NMI, VmAction.PAUSE,
                VmAction.SAVE, VmAction.AUTOSTART_ON, VmAction.DELETE), allowed(VmState.RUNNING, true, false));
        assertEquals(EnumSet.of(VmAction.SHUTDOWN, VmAction.REBOOT, VmAction.FORCE_OFF, VmAction.RESET, VmAction.NMI, VmAction.PAUSE,
                VmAction.DELETE), allowed(VmState.RUNNING, false, false), "a transient VM has no managed save and no autostart");
        assertEquals(EnumSet.of(VmAction.FORCE_OFF, VmAction.RESUME, VmAction.SAVE, VmAction.AUTOSTART_ON, VmAction.DELETE),
                allowed(VmState.PAUSED, true, false));
        assertEquals(EnumSet.of(VmAction.FORCE_OFF, VmAction.RESUME, VmAction.AUTOSTART_ON, VmAction.DELETE),
                allowed(VmState.PM_SUSPENDED, true, false));
        assertEquals(EnumSet.of(VmAction.FORCE_OFF, VmAction.AUTOSTART_ON, VmAction.DELETE), allowed(VmState.CRASHED, true, false));
    }

    @Test
    void autostartIsOfferedAsTheOppositeOfWhatItIs() {
        VmSummary on = new VmSummary("n", "u", "vm", VmState.SHUT_OFF, 1, 1, true, false, true, List.of());
        assertTrue(VmAction.AUTOSTART_OFF.allowedFor(on));
        assertTrue(!VmAction.AUTOSTART_ON.allowedFor(on));
    }

    @Test
    void theQueryLanguageNarrowsByNameTagStateAndNode() {
        VmSummary web = new VmSummary("n1", "u1", "Web-01", VmState.RUNNING, 1, 1, true, false, List.of("shop", "prod"));
        VmSummary db = new VmSummary("n2", "u2", "db-01", VmState.PAUSED, 1, 1, true, false, List.of());
        Function<String, String> nodes = id -> id.equals("n1") ? "Lab server" : "Edge box";
        assertEquals(List.of(web), matching("web", nodes, web, db));
        assertEquals(List.of(web, db), matching("-01", nodes, web, db));
        assertEquals(List.of(web), matching("tag:SHOP", nodes, web, db));
        assertEquals(List.of(db), matching("state:paused", nodes, web, db));
        assertEquals(List.of(web), matching("state:running tag:prod node:lab", nodes, web, db));
        assertEquals(List.of(), matching("tag:shop node:edge", nodes, web, db));
        assertEquals(List.of(web, db), matching("   ", nodes, web, db));
    }

    @Test
    void aBareWordFindsTagsAndAddressesAndUnknownFiltersAreNamed() {
        VmSummary web = new VmSummary("n1", "u1", "shop-front", VmState.RUNNING, 1, 1, true, false, List.of("web tier", "prod"));
        VmSummary db = new VmSummary("n1", "u2", "db-01", VmState.RUNNING, 1, 1, true, false, List.of());
        Function<String, String> nodes = id -> "lab";
        Function<VmSummary, List<String>> addresses = vm -> vm == db ? List.of("192.168.100.17") : List.of();
        VmQuery web1 = VmQuery.parse("web");
        assertEquals(List.of(web), Stream.of(web, db).filter(vm -> web1.matches(vm, nodes, addresses)).toList(), "a tag, by a bare word");
        VmQuery byAddress = VmQuery.parse("100.17");
        assertEquals(List.of(db), Stream.of(web, db).filter(vm -> byAddress.matches(vm, nodes, addresses)).toList());
        assertEquals(List.of(web), matching("tag:\"web tier\"", nodes, web, db), "a quoted tag with a space");
        assertEquals(List.of(web, db), matching("tag:", nodes, web, db), "a filter being typed narrows nothing yet");

        VmQuery unknown = VmQuery.parse("color:red");
        assertEquals(List.of(), matching("color:red", nodes, web, db), "an unknown filter matches nothing");
        assertTrue(unknown.problem().orElseThrow().contains("color:"), unknown.problem().toString());
        VmQuery badState = VmQuery.parse("state:foo");
        assertTrue(badState.problem().orElseThrow().contains("foo"), badState.problem().toString());
        assertTrue(VmQuery.parse("state:shut-off web").problem().isEmpty());
        assertTrue(VmQuery.parse("10.0.0.5:22").problem().isEmpty(), "an address with a port is a word");

        VmSummary starts = new VmSummary("n1", "u3", "dns", VmState.RUNNING, 1, 1, true, false, true, List.of());
        assertEquals(List.of(starts), matching("autostart:yes", nodes, web, db, starts));
        assertEquals(List.of(web, db), matching("autostart:no", nodes, web, db, starts));
        assertEquals(List.of(starts), matching("AUTOSTART:on d", nodes, web, db, starts));
        assertEquals(List.of(), matching("autostart:perhaps", nodes, web, db, starts));
        assertTrue(VmQuery.parse("autostart:perhaps").problem().orElseThrow().contains("perhaps"));
    }

    private static List<VmSummary> matching(String text, Function<String, String> nodes, VmSummary... vms) {
        VmQuery query = VmQuery.parse(text);
        return Arrays.stream(vms).filter(vm -> query.matches(vm, nodes)).toList();
    }
}
