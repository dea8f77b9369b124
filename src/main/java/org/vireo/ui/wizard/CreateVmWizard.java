package org.vireo.ui.wizard;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.Property;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.controlsfx.control.textfield.TextFields;
import org.controlsfx.validation.ValidationSupport;
import org.vireo.model.ByteSize;
import org.vireo.model.NodeFacts;
import org.vireo.model.NodeRef;
import org.vireo.service.create.CreationStep;
import org.vireo.service.create.OsCatalogue;
import org.vireo.service.create.OsVariant;
import org.vireo.service.create.SpecValidator.Field;
import org.vireo.service.create.VmSpec;
import org.vireo.ui.common.Dialogs;
import org.vireo.ui.common.DisplayConverter;
import org.vireo.ui.common.FieldLabel;
import org.vireo.ui.common.FilePicker;
import org.vireo.ui.common.Form;
import org.vireo.ui.common.Messages;
import org.vireo.ui.common.Notices;
import org.vireo.ui.network.NewNetworkFlow;
import org.vireo.ui.storage.UploadDialog;

/**
 * The create-VM wizard: six pages, each field with its own message right under it as the user
 * types, Next only when the page is valid, and a summary with the XML to be defined.
 */
public final class CreateVmWizard {

    private final CreateVmWizardViewModel vm;
    private final Messages messages;
    private final FilePicker files;
    private final Stage stage = new Stage();
    private final ValidationSupport validation = new ValidationSupport();
    private final List<Node> pages = new ArrayList<>();
    private final List<Set<Field>> pageFields = new ArrayList<>();
    private final StackPane content = new StackPane();
    private final Label pageTitle = new Label();
    private int page;
    private final Button back = new Button();
    private final Button next = new Button();
    private final Button create = new Button();
    private final Button another = new Button();
    /** Why Next is disabled, in the words of the field that holds it back (an untouched name's too). */
    private final Label blocker = new Label();

    public CreateVmWizard(CreateVmWizardViewModel vm, Messages messages, Window owner, FilePicker files) {
        this.vm = vm;
        this.messages = messages;
        this.files = files;
        stage.initOwner(owner);
        Dialogs.keepOver(stage, owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(messages.get("wizard.title"));
        addPage(sourcePage(), Set.of(Field.NAME, Field.OS, Field.INSTALL, Field.DRIVERS, Field.KERNEL));
        addPage(cpuPage(), Set.of(Field.VCPUS, Field.MEMORY, Field.ARCH, Field.MACHINE, Field.FIRMWARE));
        addPage(storagePage(), Set.of(Field.DISK_POOL, Field.DISK_SIZE, Field.DISK_VOLUME));
        addPage(networkPage(), Set.of(Field.NETWORK, Field.MAC));
        addPage(cloudPage(), Set.of(Field.CLOUD_USER, Field.CLOUD_PASSWORD, Field.CLOUD_SSH_KEY, Field.CLOUD_HOST_NAME));
        addPage(summaryPage(), Set.of());

        back.setText(messages.get("wizard.back"));
        back.setId("wizardBack");
        back.setOnAction(e -> show(page - 1));
        next.setText(messages.get("wizard.next"));
        next.setId("wizardNext");
        next.setDefaultButton(true);
        next.setOnAction(e -> show(page + 1));
        create.setText(messages.get("wizard.create"));
        create.setId("wizardCreate");
        create.setOnAction(e -> vm.create());
        create.disableProperty().bind(vm.specProperty().isNull().or(vm.uploadingProperty())
                .or(vm.phaseProperty().isEqualTo(CreateVmWizardViewModel.Phase.CREATING))
                .or(vm.phaseProperty().isEqualTo(CreateVmWizardViewModel.Phase.CREATED)));
        another.setText(messages.get("wizard.another"));
        another.setId("wizardAnother");
        another.setOnAction(e -> {
            vm.startAnother();
            show(0);
        });
        Button close = new Button(messages.get("wizard.close"));
        close.setId("wizardClose");
        close.setCancelButton(true);
        close.setOnAction(e -> {
            if (mayDiscard()) {
                stage.close();
            }
        });
        // The window's own close button too: typed input is not dropped without asking.
        stage.setOnCloseRequest(e -> {
            if (!mayDiscard()) {
                e.consume();
            }
        });
        blocker.setId("wizardBlocker");
        blocker.getStyleClass().add("field-message");
        blocker.setWrapText(true);
        vm.errors().addListener((MapChangeListener<Field, String>) c -> updateButtons());
        vm.factsProperty().addListener((obs, o, n) -> updateButtons());
        vm.phaseProperty().addListener((obs, o, n) -> updateButtons());
        // Customize before install: the VM's details take over (its Hardware tab, with Begin / Cancel installation).
        vm.phaseProperty().addListener((obs, o, phase) -> {
            if (phase == CreateVmWizardViewModel.Phase.CREATED && vm.customize.get() && stage.isShowing()) {
                stage.close();
            }
        });
        // Closed while it was creating: the user did not wait, so the outcome comes as a notice over the main window.
        vm.phaseProperty().addListener((obs, o, phase) -> {
            if (!stage.isShowing() && phase == CreateVmWizardViewModel.Phase.CREATED) {
                Notices.done(owner, messages.get("wizard.title"), messages.get("wizard.created", vm.specProperty().get().name()));
            } else if (!stage.isShowing() && phase == CreateVmWizardViewModel.Phase.FAILED) {
                Notices.failed(owner, messages.get("wizard.title"), messages.get("wizard.failed", vm.failureProperty().get()));
            }
        });

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(blocker, Priority.SOMETIMES);
        blocker.setMaxWidth(Double.MAX_VALUE);
        HBox buttons = new HBox(8, back, blocker, spacer, next, create, another, close);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.setPadding(new Insets(10));
        pageTitle.getStyleClass().add("page-title");
        pageTitle.setId("wizardPageTitle");
        BorderPane root = new BorderPane(content, pageTitle, null, buttons, null);
        BorderPane.setMargin(pageTitle, new Insets(10, 10, 0, 10));
        content.setPadding(new Insets(10));
        Scene scene = new Scene(root, 720, 560);
        scene.getStylesheets().add(CreateVmWizard.class.getResource("/org/vireo/ui/app.css").toExternalForm());
        stage.setScene(scene);
        show(0);
    }

    public void show() {
        stage.show();
    }

    private void addPage(Node node, Set<Field> fields) {
        pages.add(node);
        pageFields.add(fields);
    }

    private void show(int index) {
        page = Math.max(0, Math.min(pages.size() - 1, index));
        content.getChildren().setAll(pages.get(page));
        pageTitle.setText(messages.get("wizard.page." + page, page + 1, pages.size()));
        updateButtons();
    }

    private void updateButtons() {
        back.setDisable(page == 0);
        boolean pageValid = pageFields.get(page).stream().noneMatch(vm.errors()::containsKey);
        next.setDisable(page == pages.size() - 1 || !pageValid || vm.factsProperty().get() == null);
        next.setVisible(page < pages.size() - 1);
        boolean created = vm.phaseProperty().get() == CreateVmWizardViewModel.Phase.CREATED;
        create.setVisible(page == pages.size() - 1 && !created);
        create.setManaged(create.isVisible());
        another.setVisible(created);
        another.setManaged(created);
        blocker.setText(page < pages.size() - 1 && vm.factsProperty().get() != null ? pageFields.get(page).stream()
                .map(vm.errors()::get).filter(Objects::nonNull).findFirst().orElse("") : "");
    }

    /** True when nothing typed would be lost, or the user agreed to drop it. */
    private boolean mayDiscard() {
        if (!vm.hasUnsavedInput()) {
            return true;
        }
        return Dialogs.confirm(stage, "discardVmDialog", messages.get("wizard.discard.title"),
                messages.get("wizard.discard.header"), messages.get("wizard.discard.text"), messages.get("wizard.discard.ok"));
    }

    // ---- pages ----

    private Node sourcePage() {
        ComboBox<NodeRef> node = new ComboBox<>(vm.nodes());
        node.setId("wizard-node");
        node.valueProperty().bindBidirectional(vm.nodeProperty());
        node.setConverter(converter(n -> n == null ? "" : n.name() + "  (" + n.uri() + ")"));
        Label factsError = new Label();
        factsError.getStyleClass().add("field-error-text");
        factsError.textProperty().bind(vm.factsErrorProperty());
        // Best fit: every connected node's facts against this VM's choices, the winner chosen and the ranking said
        Button bestFit = new Button(messages.get("wizard.bestFit"));
        bestFit.setId("wizard-bestFit");
        bestFit.setMinWidth(Region.USE_PREF_SIZE);
        bestFit.disableProperty().bind(Bindings.size(vm.nodes()).lessThan(2).or(vm.placingProperty()));
        bestFit.setOnAction(e -> vm.bestFit());
        HBox nodeRow = new HBox(6, node, bestFit);
        HBox.setHgrow(node, Priority.ALWAYS);
        node.setMaxWidth(Double.MAX_VALUE);
        Label placement = new Label();
        placement.setId("wizard-placement");
        placement.setWrapText(true);
        placement.setMinHeight(Region.USE_PREF_SIZE);
        placement.textProperty().bind(vm.placementProperty());
        // The catalogue (osinfo-db's where installed): type a name or short id, pick from the suggestions.
        TextField osinfo = new TextField();
        osinfo.setId("wizard-osinfo");
        osinfo.setPromptText(messages.get("wizard.osinfo.prompt"));
        Runnable showEntry = () -> osinfo.setText(vm.osEntryProperty().get() == null ? "" : vm.osEntryProperty().get().label());
        vm.osEntryProperty().addListener((obs, old, now) -> showEntry.run());
        TextFields.bindAutoCompletion(osinfo, request -> vm.searchOs(request.getUserText()),
                new DisplayConverter<>(e -> e == null ? "" : e.label()))
                .setOnAutoCompleted(event -> vm.osEntryProperty().set(event.getCompletion()));
        osinfo.setOnAction(e -> {
            OsCatalogue.Entry typed = vm.osEntryNamed(osinfo.getText());
            if (typed != null) {
                vm.osEntryProperty().set(typed);
            }
        });
        Label detectedLabel = new Label();
        detectedLabel.setId("wizard-detected");
        detectedLabel.setWrapText(true);
        detectedLabel.setMinHeight(Region.USE_PREF_SIZE);
        detectedLabel.textProperty().bind(vm.detectedProperty());
        ComboBox<OsVariant> os = new ComboBox<>();
        os.setId("wizard-os");
        os.getItems().setAll(OsVariant.values());
        os.valueProperty().bindBidirectional(vm.os);
        os.setConverter(converter(v -> v == null ? "" : v.label()));
        ChoiceBox<String> kind = choice("wizard-install", vm.installKind, "none", "iso", "import", "kernel", "pxe");
        // Installer images only (by libvirt's format or the name), and none another VM has as its disk.
        ComboBox<String> path = volumePicker("wizard-installPath", vm.installPath, v -> v.isIso() && v.usedAsDiskBy().isEmpty());
        // For Windows: the virtio-win ISO as a second CD-ROM, so the disk and NIC can be virtio (faster) from the start.
        ComboBox<String> drivers = volumePicker("wizard-driversIso", vm.driversIso, v -> v.isIso() && v.usedAsDiskBy().isEmpty());
        drivers.setPromptText(messages.get("wizard.driversIso.prompt"));
        drivers.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.os.get() == null || !vm.os.get().windows(),
                vm.os));
        TextField kernel = text("wizard-kernel", vm.kernel);
        TextField initrd = text("wizard-initrd", vm.initrd);
        TextField cmdline = text("wizard-cmdline", vm.cmdline);
        path.disableProperty().bind(vm.installKind.isNotEqualTo("iso").and(vm.installKind.isNotEqualTo("import")));
        BooleanBinding notKernel = vm.installKind.isNotEqualTo("kernel");
        kernel.disableProperty().bind(notKernel);
        initrd.disableProperty().bind(notKernel);
        cmdline.disableProperty().bind(notKernel);
        return form(
                row("wizard.node", node, null, nodeRow), new Label[] {factsError, placement},
                row("wizard.name", text("wizard-name", vm.name), Field.NAME),
                row("wizard.osinfo", osinfo, null),
                row("wizard.os", os, Field.OS),
                row("wizard.install", kind, null),
                row("wizard.installPath", path, Field.INSTALL, withUpload("wizardUploadIso", path, CreateVmWizardViewModel.UploadTarget.INSTALL)),
                new Object[] {uploadProgress("wizardUploadIsoProgress", CreateVmWizardViewModel.UploadTarget.INSTALL)},
                new Label[] {detectedLabel},
                row("wizard.driversIso", drivers, Field.DRIVERS),
                row("wizard.kernel", kernel, Field.KERNEL),
                row("wizard.initrd", initrd, null),
                row("wizard.cmdline", cmdline, null));
    }

    private Node cpuPage() {
        Label host = new Label();
        host.setId("wizard-hostInfo");
        host.textProperty().bind(Bindings.createStringBinding(() -> {
            NodeFacts f = vm.factsProperty().get();
            return f == null ? "" : messages.get("wizard.hostInfo", f.hostCpus(), new ByteSize(f.hostMemoryBytes()).toHuman(),
                    new ByteSize(f.committedMemory()).toHuman(), f.maxVcpus());
        }, vm.factsProperty()));
        // Firmware: only what the node has (its domain capabilities); "as the OS needs" is UEFI with Secure Boot for Windows.
        ChoiceBox<String> firmware = choice("wizard-firmware", vm.firmware, "auto", "bios", "uefi", "uefi-secure");
        vm.factsProperty().addListener((obs, o, f) -> {
            String chosen = vm.firmware.get();
            List<String> offered = new ArrayList<>(List.of("auto", "bios"));
            if (f == null || !f.firmware().known() || f.firmware().uefi()) {
                offered.add("uefi");
            }
            if (f == null || !f.firmware().known() || f.firmware().secureBoot()) {
                offered.add("uefi-secure");
            }
            firmware.getItems().setAll(offered);
            vm.firmware.set(offered.contains(chosen) ? chosen : "auto");
        });
        // On by default with UEFI (as virt-manager 4); the box shows what the VM will get, a click decides for good.
        CheckBox tpm = new CheckBox(messages.get("wizard.tpm"));
        tpm.setId("wizard-tpm");
        tpm.setOnAction(e -> vm.tpm.set(tpm.isSelected() ? "yes" : "no"));
        vm.specProperty().addListener((obs, o, spec) -> {
            if (spec != null) {
                tpm.setSelected(spec.tpm());
            }
        });
        // The node's guest architectures and, for the one chosen, its machine types: q35 first, then pc (i440fx), then
        // the versioned ones.
        ChoiceBox<String> arch = new ChoiceBox<>();
        arch.setId("wizard-arch");
        arch.valueProperty().bindBidirectional(vm.arch);
        arch.setConverter(converter(a -> a == null || a.isEmpty() ? "x86_64" : a));
        ChoiceBox<String> machine = new ChoiceBox<>();
        machine.setId("wizard-machine");
        machine.valueProperty().bindBidirectional(vm.machine);
        machine.setConverter(converter(m -> m == null || m.isEmpty() ? "q35" : m));
        Runnable offerMachines = () -> {
            NodeFacts f = vm.factsProperty().get();
            String chosen = vm.machine.get();
            String a = vm.arch.get() == null || vm.arch.get().isEmpty() ? "x86_64" : vm.arch.get();
            List<String> offered = f == null || f.machinesByArch().getOrDefault(a, List.of()).isEmpty() ? List.of("q35")
                    : f.machinesByArch().get(a);
            machine.getItems().setAll(offered);
            vm.machine.set(offered.contains(chosen) ? chosen : offered.get(0));
        };
        vm.factsProperty().addListener((obs, o, f) -> {
            String chosen = vm.arch.get();
            List<String> offered = f == null || f.arches().isEmpty() ? List.of("x86_64") : f.arches();
            arch.getItems().setAll(offered);
            vm.arch.set(offered.contains(chosen) ? chosen : offered.get(0));
            offerMachines.run();
        });
        vm.arch.addListener((obs, o, a) -> offerMachines.run());
        return form(new Object[] {host},
                row("wizard.vcpus", text("wizard-vcpus", vm.vcpus), Field.VCPUS),
                row("wizard.memory", text("wizard-memory", vm.memory), Field.MEMORY),
                row("wizard.arch", arch, Field.ARCH),
                row("wizard.machine", machine, Field.MACHINE),
                row("wizard.firmware", firmware, Field.FIRMWARE),
                row("wizard.tpmRow", tpm, null));
    }

    private Node storagePage() {
        ChoiceBox<String> kind = choice("wizard-diskKind", vm.diskKind, "new", "existing", "none");
        ComboBox<String> pool = new ComboBox<>();
        pool.setId("wizard-pool");
        pool.valueProperty().bindBidirectional(vm.diskPool);
        pool.setConverter(converter(name -> {
            NodeFacts f = vm.factsProperty().get();
            NodeFacts.Pool p = f == null || name == null ? null : f.pool(name);
            return p == null ? (name == null ? "" : name)
                    : messages.get("wizard.poolEntry", p.name(), new ByteSize(p.availableBytes()).toHuman(),
                    new ByteSize(p.capacityBytes()).toHuman());
        }));
        vm.factsProperty().addListener((obs, o, f) -> {
            String chosen = vm.diskPool.get();
            pool.getItems().setAll(f == null ? List.of() : f.pools().stream().filter(NodeFacts.Pool::active).map(NodeFacts.Pool::name).toList());
            vm.diskPool.set(chosen);
        });
        ChoiceBox<String> format = choice("wizard-format", vm.diskFormat, "qcow2", "raw");
        TextField size = text("wizard-diskSize", vm.diskSize);
        // A disk to boot from: not an installer image, and not a disk of another VM (two writers ruin a file system).
        ComboBox<String> existing = volumePicker("wizard-existingVolume", vm.existingVolume, v -> !v.isIso() && v.usedAsDiskBy().isEmpty());
        BooleanBinding notNew = vm.diskKind.isNotEqualTo("new");
        pool.disableProperty().bind(notNew);
        size.disableProperty().bind(notNew);
        format.disableProperty().bind(notNew);
        existing.disableProperty().bind(vm.diskKind.isNotEqualTo("existing"));
        return form(
                row("wizard.diskKind", kind, null),
                row("wizard.pool", pool, Field.DISK_POOL),
                row("wizard.diskSize", size, Field.DISK_SIZE),
                row("wizard.format", format, null),
                row("wizard.existingVolume", existing, Field.DISK_VOLUME,
                        withUpload("wizardUploadDisk", existing, CreateVmWizardViewModel.UploadTarget.DISK)),
                new Object[] {uploadProgress("wizardUploadDiskProgress", CreateVmWizardViewModel.UploadTarget.DISK)});
    }

    private Node networkPage() {
        ChoiceBox<String> kind = choice("wizard-networkKind", vm.networkKind, "network", "bridge", "user", "none");
        ComboBox<String> name = new ComboBox<>();
        name.setId("wizard-network");
        name.setEditable(true);
        name.valueProperty().bindBidirectional(vm.networkName);
        vm.factsProperty().addListener((obs, o, f) -> {
            String chosen = vm.networkName.get();
            name.getItems().setAll(f == null ? List.of() : f.networks());
            vm.networkName.set(chosen);
        });
        name.disableProperty().bind(vm.networkKind.isEqualTo("user").or(vm.networkKind.isEqualTo("none")));
        TextField mac = text("wizard-mac", vm.mac);
        mac.setPromptText(messages.get("wizard.mac.prompt"));
        Node picker = name;
        if (vm.networkCreation() != null) {
            Button add = new Button(messages.get("network.new"));
            add.setId("wizardNewNetwork");
            add.setMinWidth(Region.USE_PREF_SIZE);
            add.disableProperty().bind(vm.factsProperty().isNull().or(vm.networkKind.isNotEqualTo("network")));
            add.setOnAction(e -> NewNetworkFlow.run(stage, messages, vm.networkCreation(), vm.nodeProperty().get().id(), vm::networkCreated));
            HBox box = new HBox(8, name, add);
            HBox.setHgrow(name, Priority.ALWAYS);
            name.setMaxWidth(Double.MAX_VALUE);
            picker = box;
        }
        return form(
                row("wizard.networkKind", kind, null),
                row("wizard.network", name, Field.NETWORK, picker),
                row("wizard.mac", mac, Field.MAC));
    }

    private Node cloudPage() {
        CheckBox enable = new CheckBox(messages.get("wizard.cloudInit"));
        enable.setId("wizard-cloudInit");
        enable.selectedProperty().bindBidirectional(vm.cloudInit);
        TextField user = text("wizard-cloudUser", vm.cloudUser);
        PasswordField password = new PasswordField();
        password.setId("wizard-cloudPassword");
        password.textProperty().bindBidirectional(vm.cloudPassword);
        TextField key = text("wizard-cloudKey", vm.cloudSshKey);
        TextField host = text("wizard-cloudHost", vm.cloudHostName);
        // Root without a password is a choice, not a default: off unless ticked.
        CheckBox sudo = new CheckBox(messages.get("wizard.cloudSudo"));
        sudo.setId("wizard-cloudSudo");
        sudo.selectedProperty().bindBidirectional(vm.cloudSudo);
        for (Control c : List.of(user, password, key, host, sudo)) {
            c.disableProperty().bind(vm.cloudInit.not());
        }
        Label hint = new Label(messages.get("wizard.cloudInit.hint"));
        hint.setWrapText(true);
        return form(new Object[] {enable, hint},
                row("wizard.cloudUser", user, Field.CLOUD_USER),
                row("wizard.cloudPassword", password, Field.CLOUD_PASSWORD),
                row("wizard.cloudKey", key, Field.CLOUD_SSH_KEY),
                row("wizard.cloudHost", host, Field.CLOUD_HOST_NAME),
                new Object[] {sudo});
    }

    private Node summaryPage() {
        Label summary = new Label();
        summary.setId("wizard-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);   // every choice stays readable; the XML below gives up the room
        summary.textProperty().bind(Bindings.createStringBinding(() -> describe(vm.specProperty().get()), vm.specProperty()));
        Label warnings = new Label();
        warnings.setId("wizard-warnings");
        warnings.setWrapText(true);
        warnings.getStyleClass().add("field-warning-text");
        warnings.setMinHeight(Region.USE_PREF_SIZE);
        vm.warnings().addListener((MapChangeListener<Field, String>) c -> warnings.setText(String.join("\n", vm.warnings().values())));
        TextArea xml = new TextArea();
        xml.setId("wizard-xml");
        xml.setEditable(false);
        xml.getStyleClass().add("monospace");
        xml.textProperty().bind(vm.xmlProperty());
        VBox.setVgrow(xml, Priority.ALWAYS);
        xml.setMinHeight(60);
        xml.setPrefRowCount(6);
        CheckBox start = new CheckBox(messages.get("wizard.start"));
        start.setId("wizard-start");
        start.selectedProperty().bindBidirectional(vm.start);
        CheckBox console = new CheckBox(messages.get("wizard.openConsole"));
        console.setId("wizard-openConsole");
        console.selectedProperty().bindBidirectional(vm.openConsole);
        console.disableProperty().bind(vm.start.not());
        ProgressBar progress = new ProgressBar(0);
        progress.setId("wizard-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        ListView<CreationStep> steps = new ListView<>(vm.steps());
        steps.setId("wizard-steps");
        steps.setAccessibleText(messages.get("wizard.steps.accessible"));
        steps.setPrefHeight(90);
        steps.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(CreationStep step, boolean empty) {
                super.updateItem(step, empty);
                setText(empty || step == null ? null
                        : step.rolledBack() ? messages.get("wizard.rolledBack", step.description())
                        : step.index() + "/" + step.total() + "  " + step.description());
            }
        });
        vm.steps().addListener((ListChangeListener<CreationStep>) c -> {
            CreationStep last = vm.steps().isEmpty() ? null : vm.steps().get(vm.steps().size() - 1);
            progress.setProgress(last == null ? 0 : last.rolledBack() ? 0 : (double) last.index() / (last.total() + 1));
        });
        Label outcome = new Label();
        outcome.setId("wizard-outcome");
        outcome.setWrapText(true);
        vm.phaseProperty().addListener((obs, o, phase) -> {
            switch (phase) {
                case CREATED -> {
                    progress.setProgress(1);
                    outcome.setText(messages.get("wizard.created", vm.specProperty().get() == null ? "" : vm.specProperty().get().name()));
                    outcome.getStyleClass().setAll("label", "success-text");
                }
                case FAILED -> {
                    outcome.setText(messages.get("wizard.failed", vm.failureProperty().get()));
                    outcome.getStyleClass().setAll("label", "field-error-text");
                }
                default -> outcome.setText("");
            }
        });
        CheckBox customize = new CheckBox(messages.get("wizard.customize"));
        customize.setId("wizard-customize");
        customize.selectedProperty().bindBidirectional(vm.customize);
        VBox box = new VBox(8, summary, warnings, FieldLabel.of(messages.get("wizard.xml"), xml), xml,
                new HBox(16, start, console, customize), progress, steps, outcome);
        return box;
    }

    private String describe(VmSpec spec) {
        if (spec == null) {
            return messages.get("wizard.summary.invalid", String.join("; ", vm.errors().values()));
        }
        String disk = spec.disk() instanceof VmSpec.DiskChoice.NewDisk d
                ? messages.get("wizard.summary.newDisk", new ByteSize(d.sizeBytes()).toHuman(), d.format(), d.pool())
                : spec.disk() instanceof VmSpec.DiskChoice.ExistingVolume e ? e.path() : messages.get("wizard.summary.noDisk");
        String net = spec.network() instanceof VmSpec.NetworkChoice.VirtualNetwork n ? messages.get("wizard.summary.virtualNetwork", n.name())
                : spec.network() instanceof VmSpec.NetworkChoice.Bridge b ? messages.get("wizard.summary.bridge", b.name())
                : spec.network() instanceof VmSpec.NetworkChoice.UserMode ? messages.get("wizard.summary.userMode")
                : messages.get("wizard.summary.noNetwork");
        VmSpec.InstallSource source = spec.install();
        String install = (source instanceof VmSpec.InstallSource.Iso iso ? messages.get("wizard.summary.iso", iso.path())
                : source instanceof VmSpec.InstallSource.ImportDisk imported ? messages.get("wizard.summary.import", imported.path())
                : source instanceof VmSpec.InstallSource.KernelBoot k ? messages.get("wizard.summary.kernel", k.kernel())
                : source instanceof VmSpec.InstallSource.NetworkBoot ? messages.get("wizard.summary.pxe")
                : messages.get("wizard.summary.empty"))
                + (spec.driversIso().isEmpty() ? "" : messages.get("wizard.summary.drivers", spec.driversIso()));
        NodeFacts facts = vm.factsProperty().get();
        String firmware = (spec.arch().equals("x86_64") ? "" : spec.arch() + ", ") + spec.machine() + ", " + messages.get("wizard.firmware." + switch (spec.firmware()) {
            case BIOS -> "bios";
            case UEFI -> "uefi";
            case UEFI_SECURE -> "uefi-secure";
        }) + (spec.tpm() ? messages.get("wizard.summary.tpm") : "");
        boolean emulated = facts != null && !facts.domainTypes().isEmpty() && facts.domainTypes().get(0).equals("qemu");
        return messages.get("wizard.summary", spec.name(), vm.nodeProperty().get().name(), spec.os().label(), spec.vcpus(),
                new ByteSize(spec.memoryBytes()).toHuman(), disk, net, spec.mac(), install, firmware,
                emulated ? messages.get("wizard.summary.emulated") : "",
                spec.cloudInit().isPresent() ? messages.get("wizard.summary.cloudInit", spec.cloudInit().get().user()) : "");
    }

    // ---- building blocks ----

    /** A field: its label names {@code control}; {@code shown} is what the grid holds (the control, or it with a button). */
    private record Row(String labelKey, Control control, Field field, Node shown) {
    }

    private Row row(String labelKey, Control control, Field field) {
        return new Row(labelKey, control, field, control);
    }

    private Row row(String labelKey, Control control, Field field, Node shown) {
        return new Row(labelKey, control, field, shown);
    }

    /**
     * The picker with "Upload a local file…" beside it: the file goes into a pool of the node (asked), shows in
     * the Jobs window, and the new volume is chosen here once it is there.
     */
    private Node withUpload(String id, ComboBox<String> picker, CreateVmWizardViewModel.UploadTarget target) {
        // Browse…: every pool's volumes in one table, those that fit first
        Predicate<NodeFacts.Volume> fits = target == CreateVmWizardViewModel.UploadTarget.INSTALL
                ? v -> v.isIso() && v.usedAsDiskBy().isEmpty() : v -> !v.isIso() && v.usedAsDiskBy().isEmpty();
        Button browse = new Button(messages.get("browser.button"));
        browse.setId(id.replace("Upload", "Browse"));
        browse.setMinWidth(Region.USE_PREF_SIZE);
        browse.disableProperty().bind(picker.disabledProperty().or(vm.factsProperty().isNull()));
        browse.setOnAction(e -> StorageBrowser.pick(stage, messages, vm.factsProperty().get(), fits,
                messages.get(target == CreateVmWizardViewModel.UploadTarget.INSTALL ? "browser.header.iso" : "browser.header.disk",
                        vm.nodeProperty().get().name())).ifPresent(picker::setValue));
        if (!vm.canUpload()) {
            HBox box = new HBox(8, picker, browse);
            HBox.setHgrow(picker, Priority.ALWAYS);
            return box;
        }
        Button upload = new Button(messages.get("storage.upload.local"));
        upload.setId(id);
        upload.setMinWidth(Region.USE_PREF_SIZE);
        upload.disableProperty().bind(picker.disabledProperty().or(vm.factsProperty().isNull()).or(vm.uploadingProperty()));
        upload.setOnAction(e -> files.open(stage, messages.get("storage.upload.title")).ifPresent(file -> {
            NodeFacts facts = vm.factsProperty().get();
            String preferred = target == CreateVmWizardViewModel.UploadTarget.DISK ? vm.diskPool.get() : "";
            vm.sizeOf(file, size -> UploadDialog.ask(stage, messages, file, size, facts.pools(), preferred)
                    .ifPresent(choice -> vm.upload(target, file, choice.pool(), choice.volumeName())),
                    why -> Dialogs.error(stage, messages.get("storage.upload.title"), why, "").showAndWait());
        }));
        HBox box = new HBox(8, picker, browse, upload);
        HBox.setHgrow(picker, Priority.ALWAYS);
        return box;
    }

    /** The running upload's bar and words under the picker that asked for it. */
    private Node uploadProgress(String id, CreateVmWizardViewModel.UploadTarget target) {
        ProgressBar bar = new ProgressBar();
        bar.setMaxWidth(Double.MAX_VALUE);
        Label words = new Label();
        words.setId(id);
        words.setWrapText(true);
        VBox box = new VBox(2, bar, words);
        box.setVisible(false);
        box.managedProperty().bind(box.visibleProperty());
        vm.uploadProperty().addListener((obs, old, job) -> {
            bar.progressProperty().unbind();
            words.textProperty().unbind();
            box.setVisible(job != null && vm.lastUploadTarget() == target);
            if (box.isVisible()) {
                bar.progressProperty().bind(job.progressProperty());
                words.textProperty().bind(Bindings.concat(job.title(), " — ", job.statusProperty()));
            }
        });
        return box;
    }

    private GridPane form(Object... items) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(2);
        int r = 0;
        for (Object item : items) {
            if (item instanceof Row row) {
                Label label = FieldLabel.of(messages.get(row.labelKey()), row.control());
                row.control().setMaxWidth(Double.MAX_VALUE);
                GridPane.setHgrow(row.control(), Priority.ALWAYS);
                grid.add(label, 0, r);
                grid.add(row.shown(), 1, r++);
                if (row.field() != null) {
                    grid.add(errorLabel(row.field(), row.control()), 1, r++);
                }
            } else if (item instanceof Object[] nodes) {
                for (Object n : nodes) {
                    grid.add((Node) n, 0, r++, 2, 1);
                }
            }
        }
        return grid;
    }

    /** The field's message right under it: red for errors, amber for warnings; the field gets a red edge. */
    private Label errorLabel(Field field, Control control) {
        Form.decorate(validation, control, () -> shownError(field, control), () -> vm.warnings().get(field), vm.errors(), vm.warnings());
        Label label = new Label();
        label.setId("error-" + field.name());
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        Runnable update = () -> {
            String error = vm.errors().get(field);
            String warning = vm.warnings().get(field);
            boolean show = shownError(field, control) != null;
            label.setText(show ? error : warning == null ? "" : warning);
            label.getStyleClass().setAll("label", "field-message", show ? "field-error-text" : "field-warning-text");
            if (show && !control.getStyleClass().contains("field-error")) {
                control.getStyleClass().add("field-error");
            } else if (!show) {
                control.getStyleClass().remove("field-error");
            }
        };
        vm.errors().addListener((MapChangeListener<Field, String>) c -> update.run());
        vm.warnings().addListener((MapChangeListener<Field, String>) c -> update.run());
        return label;
    }

    /** The field's error, unless it is not worth showing yet (no node facts, or the untouched name field). */
    private String shownError(Field field, Control control) {
        String error = vm.errors().get(field);
        return error != null && vm.factsProperty().get() != null && (!isBlankInput(control) || page > 0 || field != Field.NAME)
                ? error : null;
    }

    /** An untouched, empty name field is not an error to shout about yet. */
    private static boolean isBlankInput(Control control) {
        return control instanceof TextField t && t.getText().isEmpty();
    }

    private static TextField text(String id, Property<String> property) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private ChoiceBox<String> choice(String id, Property<String> property, String... values) {
        ChoiceBox<String> box = new ChoiceBox<>();
        box.setId(id);
        box.getItems().setAll(values);
        box.valueProperty().bindBidirectional(property);
        box.setConverter(converter(v -> v == null ? "" : messages.get(id.replace('-', '.') + "." + v)));
        return box;
    }

    /** The node's volumes that {@code offered} accepts to pick from, or any path typed. */
    private ComboBox<String> volumePicker(String id, Property<String> property, Predicate<NodeFacts.Volume> offered) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.setEditable(true);
        box.valueProperty().bindBidirectional(property);
        vm.factsProperty().addListener((obs, o, f) -> {
            String chosen = property.getValue();
            box.getItems().setAll(f == null ? List.of() : f.pools().stream().flatMap(p -> p.volumes().stream())
                    .filter(offered).map(NodeFacts.Volume::path).toList());
            property.setValue(chosen);
        });
        return box;
    }

    private static <T> StringConverter<T> converter(Function<T, String> toText) {
        return new DisplayConverter<>(toText);
    }

}
