package org.vireo.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vireo.libvirt.LibvirtFleet;
import org.vireo.libvirt.LibvirtRuntime;
import org.vireo.model.NodeRef;
import org.vireo.model.NodeState;
import org.vireo.service.create.CryptPasswordHasher;
import org.vireo.service.create.SpecValidator;
import org.vireo.service.create.SpecValidator.Field;
import org.vireo.ui.FxQueue;
import org.vireo.ui.common.Messages;
import org.vireo.ui.main.MainViewModel;

/** The wizard's view model on a real test-driver node, without a window: defaults, checks as typed, the draft, creation. */
class CreateVmWizardViewModelTest {

    private final FxQueue fx = new FxQueue();
    private final LibvirtFleet fleet = new LibvirtFleet(LibvirtRuntime.start());

    @AfterEach
    void close() {
        fleet.close();
    }

    private CreateVmWizardViewModel wizardOnAConnectedNode() {
        MainViewModel main = new MainViewModel(fleet, fleet, new Messages(Locale.ENGLISH), fx);
        NodeRef node = new NodeRef("lab", "lab", "test:///default");
        main.addNodes(List.of(node));
        main.connect(main.node("lab"));
        fx.drainUntil("the node connects", 20, () -> main.node("lab").status().state() == NodeState.CONNECTED);
        CreateVmWizardViewModel wizard = new CreateVmWizardViewModel(fleet, new SpecValidator(new CryptPasswordHasher()),
                List.of(node), fx);
        fx.drainUntil("the node's facts arrive", 20, () -> wizard.factsProperty().get() != null);
        return wizard;
    }

    @Test
    void fieldsAreCheckedAsTypedAndTheDraftKeepsOneMac() {
        CreateVmWizardViewModel wizard = wizardOnAConnectedNode();
        assertFalse(wizard.vcpus.get().isEmpty(), "the OS family's defaults are filled in");
        assertTrue(wizard.errors().containsKey(Field.NAME), "no name yet");
        assertNull(wizard.specProperty().get());

        wizard.name.set("bad/name");
        assertTrue(wizard.errors().get(Field.NAME).contains("/"), wizard.errors().toString());
        wizard.name.set("web-01");
        assertFalse(wizard.errors().containsKey(Field.NAME), wizard.errors().toString());
        wizard.memory.set("lots");
        assertTrue(wizard.errors().containsKey(Field.MEMORY));
        wizard.memory.set("256 MiB");
        wizard.diskKind.set("none");
        wizard.start.set(false);
        assertTrue(wizard.errors().isEmpty(), wizard.errors().toString());
        assertNotNull(wizard.specProperty().get());

        String mac = wizard.draft().mac();
        assertTrue(mac.matches("52:54:00(:[0-9a-f]{2}){3}"), mac);
        wizard.vcpus.set("2");
        assertEquals(mac, wizard.draft().mac(), "one address for the draft, however often it is checked");
        assertEquals(mac, wizard.specProperty().get().mac());
        assertTrue(wizard.xmlProperty().get().contains(mac), "the preview shows the address the VM gets");
        wizard.diskKind.set("new");   // cloud-init's seed image goes to the new disk's pool
        wizard.diskPool.set("default-pool");
        wizard.diskSize.set("1 GiB");
        wizard.cloudInit.set(true);
        wizard.cloudUser.set("ada");
        wizard.cloudSshKey.set("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG ada@laptop");
        assertTrue(wizard.errors().isEmpty(), wizard.errors().toString());
        assertFalse(wizard.specProperty().get().cloudInit().orElseThrow().passwordlessSudo(), "no root without a password unless asked");
        wizard.cloudSudo.set(true);
        assertTrue(wizard.specProperty().get().cloudInit().orElseThrow().passwordlessSudo());
        wizard.mac.set("01:00:5e:00:00:01");
        assertTrue(wizard.errors().containsKey(Field.MAC), "a multicast address is refused");
    }

    @Test
    void createsWhatWasChosen() {
        CreateVmWizardViewModel wizard = wizardOnAConnectedNode();
        wizard.name.set("wizard-vm-test");
        wizard.memory.set("256 MiB");
        wizard.diskKind.set("none");
        wizard.start.set(false);
        String[] created = new String[1];
        wizard.setAfterCreation((nodeId, uuid, spec, console) -> created[0] = spec.name());
        wizard.create();
        fx.drainUntil("the VM is created", 20, () -> wizard.phaseProperty().get() != CreateVmWizardViewModel.Phase.CREATING);
        assertEquals(CreateVmWizardViewModel.Phase.CREATED, wizard.phaseProperty().get(), wizard.failureProperty().get());
        assertEquals("wizard-vm-test", created[0]);
        assertFalse(wizard.steps().isEmpty(), "each step was shown");
    }
}
