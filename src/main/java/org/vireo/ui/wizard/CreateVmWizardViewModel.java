package org.vireo.ui.wizard;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.vireo.model.NodeFacts;
import org.vireo.model.NodeRef;
import org.vireo.model.Texts;
import org.vireo.service.LongJob;
import org.vireo.service.TransferService;
import org.vireo.service.VmCreation;
import org.vireo.service.create.CreationStep;
import org.vireo.service.create.OsCatalogue;
import org.vireo.service.create.OsVariant;
import org.vireo.service.create.Placement;
import org.vireo.service.create.SpecDraft;
import org.vireo.service.create.SpecValidator;
import org.vireo.service.create.VmSpec;
import org.vireo.ui.common.FailureText;
import org.vireo.ui.common.ServiceCalls;
import org.vireo.ui.details.PendingInstall;
import org.vireo.ui.jobs.JobsViewModel;
import org.vireo.ui.network.NewNetworkViewModel;

/**
 * The wizard's state: one property per field, checked on every change with the same
 * {@link SpecValidator} the command line uses. Errors and warnings are published per field;
 * creation runs on the node's worker and reports its steps; a failure keeps every input.
 */
public final class CreateVmWizardViewModel {

    public enum Phase { EDITING, CREATING, CREATED, FAILED }

    private final VmCreation creation;
    private final SpecValidator validator;
    private final ServiceCalls calls;

    private final ObservableList<NodeRef> nodes = FXCollections.observableArrayList();
    private final ObjectProperty<NodeRef> node = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<NodeFacts> facts = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper factsError = new ReadOnlyStringWrapper("");
    private TransferService transfers;
    private JobsViewModel jobs;
    private final ReadOnlyObjectWrapper<JobsViewModel.Job> upload = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper uploading = new ReadOnlyBooleanWrapper();
    private UploadTarget uploadTarget;

    final StringProperty name = new SimpleStringProperty("");
    final ObjectProperty<OsVariant> os = new SimpleObjectProperty<>(OsVariant.LINUX_GENERIC);
    final StringProperty installKind = new SimpleStringProperty("none");
    final StringProperty installPath = new SimpleStringProperty("");
    final StringProperty kernel = new SimpleStringProperty("");
    final StringProperty initrd = new SimpleStringProperty("");
    final StringProperty cmdline = new SimpleStringProperty("");
    final StringProperty vcpus = new SimpleStringProperty("");
    final StringProperty memory = new SimpleStringProperty("");
    final StringProperty diskKind = new SimpleStringProperty("new");
    final StringProperty diskPool = new SimpleStringProperty("");
    final StringProperty diskSize = new SimpleStringProperty("");
    final StringProperty diskFormat = new SimpleStringProperty("qcow2");
    final StringProperty existingVolume = new SimpleStringProperty("");
    final StringProperty networkKind = new SimpleStringProperty("none");
    final StringProperty networkName = new SimpleStringProperty("");
    final StringProperty mac = new SimpleStringProperty("");
    final BooleanProperty cloudInit = new SimpleBooleanProperty(false);
    final StringProperty cloudUser = new SimpleStringProperty("");
    final StringProperty cloudPassword = new SimpleStringProperty("");
    final StringProperty cloudSshKey = new SimpleStringProperty("");
    final StringProperty cloudHostName = new SimpleStringProperty("");
    final BooleanProperty cloudSudo = new SimpleBooleanProperty(false);
    /** auto (as the OS needs), bios, uefi or uefi-secure. */
    final StringProperty firmware = new SimpleStringProperty("auto");
    /** auto (with UEFI where the node can emulate one), yes or no. */
    final StringProperty tpm = new SimpleStringProperty("auto");
    /** The virtio driver ISO for a Windows guest, or empty. */
    final StringProperty driversIso = new SimpleStringProperty("");
    /** The guest architecture; empty for x86_64. */
    final StringProperty arch = new SimpleStringProperty("");
    /** The machine type; empty for the default (q35). */
    final StringProperty machine = new SimpleStringProperty("");
    final BooleanProperty start = new SimpleBooleanProperty(true);
    final BooleanProperty openConsole = new SimpleBooleanProperty(false);
    /** Define the VM but do not start it: its details open on the Hardware tab with Begin / Cancel installation. */
    final BooleanProperty customize = new SimpleBooleanProperty(false);

    /** What the window does once a VM exists: open its console if the user asked, or show it for customizing. */
    public interface AfterCreation {
        void created(String nodeId, String uuid, VmSpec spec, boolean openConsole);

        /** Defined, not started: the user changes its hardware, then begins the installation or cancels it. */
        default void customize(PendingInstall pending, boolean openConsole) {
        }
    }

    private AfterCreation afterCreation = (node, uuid, spec, console) -> { };

    public void setAfterCreation(AfterCreation afterCreation) {
        this.afterCreation = afterCreation;
    }

    private final ObservableMap<SpecValidator.Field, String> errors = FXCollections.observableHashMap();
    private final ObservableMap<SpecValidator.Field, String> warnings = FXCollections.observableHashMap();
    private final ReadOnlyObjectWrapper<VmSpec> spec = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper xml = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.EDITING);
    private final ObservableList<CreationStep> steps = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private NewNetworkViewModel networkCreation;
    /** Chosen once when the field is left empty: the preview shows the address the VM gets. */
    private String generatedMac = "";

    public CreateVmWizardViewModel(VmCreation creation, SpecValidator validator, List<NodeRef> connectedNodes) {
        this(creation, validator, connectedNodes, null);
    }

    CreateVmWizardViewModel(VmCreation creation, SpecValidator validator, List<NodeRef> connectedNodes, Executor fxThread) {
        this.creation = creation;
        this.validator = validator;
        this.calls = ServiceCalls.on(fxThread);
        nodes.setAll(connectedNodes);
        node.addListener((obs, old, now) -> loadFacts(false));
        os.addListener((obs, old, now) -> applyOsDefaults(old, now));
        // Windows drivers are for Windows: another OS drops the ISO rather than carry it unseen.
        os.addListener((obs, old, now) -> {
            if (now == null || !now.windows()) {
                driversIso.set("");
            }
        });
        for (ObservableValue<?> field : List.of(name, os, installKind, installPath, kernel, initrd, cmdline, vcpus, memory,
                diskKind, diskPool, diskSize, diskFormat, existingVolume, networkKind, networkName, mac, cloudInit,
                cloudUser, cloudPassword, cloudSshKey, cloudHostName, cloudSudo, start, customize, firmware, tpm, driversIso, machine, arch, facts)) {
            field.addListener((obs, old, now) -> validate());
        }
        osEntry.addListener((obs, old, now) -> chooseEntry(now));
        // another family chosen by hand: the catalogue's entry no longer describes the VM
        os.addListener((obs, old, now) -> {
            if (osEntry.get() != null && osEntry.get().preset() != now) {
                osEntry.set(null);
            }
        });
        installPath.addListener((obs, old, now) -> detectMedium());
        installKind.addListener((obs, old, now) -> detectMedium());
        // an uploaded installer is a volume once the node's facts are read again
        facts.addListener((obs, old, now) -> detectMedium());
        osEntry.addListener((obs, old, now) -> validate());
        if (!nodes.isEmpty()) {
            node.set(nodes.get(0));
        }
    }

    /**
     * Reads the node's facts; a new node brings its defaults, a fresh read of the same node (after a failure or
     * an upload) keeps every choice. {@code then} runs once they are in.
     */
    private void loadFacts(boolean keepChoices, Runnable... then) {
        NodeRef chosen = node.get();
        if (!keepChoices) {
            facts.set(null);
        }
        factsError.set("");
        if (chosen == null) {
            return;
        }
        calls.run(() -> creation.facts(chosen.id())).unlessStale(() -> chosen == node.get())
                .onFailure(reason -> {
                    factsError.set(reason);
                    uploading.set(false);
                })
                .onSuccess(loaded -> {
                    if (keepChoices) {
                        facts.set(loaded);
                        for (Runnable r : then) {
                            r.run();
                        }
                        return;
                    }
                    SpecDraft defaults = SpecDraft.defaults(os.get(), loaded);
                    if (vcpus.get().isEmpty()) {
                        vcpus.set(defaults.vcpus());
                        memory.set(defaults.memory());
                        diskSize.set(defaults.diskSize());
                    }
                    diskKind.set(loaded.pools().isEmpty() ? "none" : diskKind.get());
                    diskPool.set(defaults.diskPool());
                    networkKind.set(defaults.networkKind());
                    networkName.set(defaults.networkName());
                    facts.set(loaded);
                })
                .start();
    }

    /** A new OS family brings its suggested sizes, unless the user changed them from the old suggestions. */
    private void applyOsDefaults(OsVariant old, OsVariant now) {
        if (old == null || now == null) {
            return;
        }
        if (vcpus.get().equals(Integer.toString(old.suggestedVcpus()))) {
            vcpus.set(Integer.toString(now.suggestedVcpus()));
        }
        if (memory.get().equals(old.suggestedMemoryMiB() + " MiB")) {
            memory.set(now.suggestedMemoryMiB() + " MiB");
        }
        if (diskSize.get().equals(old.suggestedDiskGiB() + " GiB")) {
            diskSize.set(now.suggestedDiskGiB() + " GiB");
        }
    }

    public SpecDraft draft() {
        String macText = mac.get().isBlank() ? generatedMac() : mac.get();
        return new SpecDraft(name.get(), os.get(), installKind.get(), installPath.get(), kernel.get(), initrd.get(),
                cmdline.get(), vcpus.get(), memory.get(), diskKind.get(), diskPool.get(), diskSize.get(), diskFormat.get(),
                existingVolume.get(), networkKind.get(), networkName.get(), macText, cloudInit.get(), cloudUser.get(),
                cloudPassword.get(), cloudSshKey.get(), cloudHostName.get(), start.get() && !customize.get(), cloudSudo.get(),
                firmware.get(), tpm.get(), driversIso.get(), machine.get(), arch.get());
    }

    private String generatedMac() {
        if (generatedMac.isEmpty()) {
            generatedMac = SpecDraft.randomMac();
        }
        return generatedMac;
    }

    private void validate() {
        NodeFacts loaded = facts.get();
        if (loaded == null) {
            errors.clear();
            spec.set(null);
            xml.set("");
            return;
        }
        SpecValidator.Result result = validator.validate(draft(), loaded);
        replace(errors, result.errors());
        Map<SpecValidator.Field, String> allWarnings = new HashMap<>(result.warnings());
        if (osEntry.get() != null && result.spec().isPresent()) {
            OsCatalogue.belowMinimum(osEntry.get(), result.spec().get()).forEach(allWarnings::putIfAbsent);
        }
        replace(warnings, allWarnings);
        spec.set(result.spec().orElse(null));
        xml.set(result.spec().map(s -> creation.previewXml(s, loaded)).orElse(""));
    }

    private static void replace(ObservableMap<SpecValidator.Field, String> target, Map<SpecValidator.Field, String> source) {
        target.keySet().retainAll(source.keySet());
        target.putAll(source);
    }

    /**
     * True while closing would drop what the user typed: a name or an install source given, and the VM not made
     * from them yet. (Next needs a name, so every later page's input comes with one.)
     */
    public boolean hasUnsavedInput() {
        return phase.get() != Phase.CREATED && phase.get() != Phase.CREATING && (!name.get().isBlank() || !installPath.get().isBlank() || !kernel.get().isBlank());
    }

    /** After a VM was made: the same choices for the next one, with a new name and MAC to give. */
    public void startAnother() {
        if (phase.get() != Phase.CREATED) {
            return;
        }
        name.set("");
        mac.set("");
        generatedMac = "";
        cloudHostName.set("");
        steps.clear();
        phase.set(Phase.EDITING);
        loadFacts(true);   // the node now holds the VM just made: its name and volume are taken
    }

    /** Creates the VM; on failure the phase is FAILED, the reason in {@link #failureProperty()}, inputs untouched. */
    public void create() {
        VmSpec ready = spec.get();
        NodeFacts loaded = facts.get();
        if (ready == null || loaded == null || phase.get() == Phase.CREATING) {
            return;
        }
        phase.set(Phase.CREATING);
        steps.clear();
        failure.set("");
        // Listed in the Jobs window too: the wizard may be closed while it works.
        LongJob job = LongJob.steps(Texts.get("op.create", ready.name()));
        if (jobs != null) {
            jobs.add(job, outcome -> { });
        }
        calls.run(() -> creation.create(node.get().id(), ready, loaded, step -> {
                    job.step(step.index(), step.total(), step.description());
                    calls.post(() -> steps.add(step));
                }))
                .onSuccess(uuid -> {
                    job.result().complete("");
                    phase.set(Phase.CREATED);
                    if (customize.get()) {
                        afterCreation.customize(new PendingInstall(creation, node.get().id(), uuid, ready, loaded), openConsole.get());
                    } else {
                        afterCreation.created(node.get().id(), uuid, ready, ready.startAfterCreation() && openConsole.get());
                    }
                })
                .onFailureCause(error -> {
                    job.result().completeExceptionally(error);
                    failure.set(FailureText.failed(error));
                    phase.set(Phase.FAILED);
                    loadFacts(true);   // the node changed under us; check again with fresh facts
                })
                .start();
    }

    /** Where "New network…" makes its network (null: the wizard does not offer it). */
    public void setNetworkCreation(NewNetworkViewModel networkCreation) {
        this.networkCreation = networkCreation;
    }

    public NewNetworkViewModel networkCreation() {
        return networkCreation;
    }

    /** A network made from the network page: the node's facts are read again and the VM goes on it. */
    public void networkCreated(String network) {
        NodeRef chosen = node.get();
        loadFacts(true, () -> {
            if (chosen == node.get()) {
                networkKind.set("network");
                networkName.set(network);
            }
        });
    }

    /** Where an uploaded file is to be used: the installer (ISO) or the VM's disk. */
    public enum UploadTarget { INSTALL, DISK }

    /** Whether uploads can be offered (a transfer service is wired). */
    public boolean canUpload() {
        return transfers != null;
    }

    public void setUploads(TransferService transfers, JobsViewModel jobs) {
        this.transfers = transfers;
        this.jobs = jobs;
    }

    /** The chosen file's size, read off the FX thread, to {@code sized}; why it could not be read to {@code failed}. */
    public void sizeOf(Path file, LongConsumer sized, Consumer<String> failed) {
        calls.run(() -> transfers.localFileSize(file)).onSuccess(sized::accept).onFailure(failed).start();
    }

    /** The upload this wizard started last (its bar and words), or null. */
    public ReadOnlyObjectProperty<JobsViewModel.Job> uploadProperty() {
        return upload.getReadOnlyProperty();
    }

    /** What the last upload was for (the picker that shows its bar). */
    public UploadTarget lastUploadTarget() {
        return uploadTarget;
    }

    /** True while an upload of this wizard runs: the VM is not created from a half-sent file. */
    public ReadOnlyBooleanProperty uploadingProperty() {
        return uploading.getReadOnlyProperty();
    }

    /**
     * Uploads a local file into {@code pool} of the chosen node; once it is there, the node's facts are read again
     * and the new volume becomes the installer or the disk, as asked. It is listed in the Jobs window too.
     */
    public void upload(UploadTarget target, Path file, String pool, String volumeName) {
        NodeRef chosen = node.get();
        if (chosen == null || transfers == null || uploading.get()) {
            return;
        }
        uploading.set(true);
        JobsViewModel.Job job = jobs.add(transfers.upload(chosen.id(), pool, file, volumeName), sha -> {
            if (chosen != node.get()) {
                uploading.set(false);
                return;
            }
            loadFacts(true, () -> {
                uploading.set(false);   // only now: Create waits for the volume to be chosen, not just sent
                NodeFacts.Pool into = facts.get().pool(pool);
                Optional<String> path = into == null ? Optional.empty()
                        : into.volumes().stream().filter(v -> v.name().equals(volumeName)).map(NodeFacts.Volume::path).findFirst();
                path.ifPresent(p -> {
                    if (target == UploadTarget.INSTALL) {
                        if (!"import".equals(installKind.get())) {
                            installKind.set("iso");
                        }
                        installPath.set(p);
                    } else {
                        diskKind.set("existing");
                        existingVolume.set(p);
                    }
                });
            });
        });
        job.failedProperty().addListener((obs, was, failed) -> uploading.set(false));
        uploadTarget = target;
        upload.set(job);
    }

    /** Back to editing after a failure, keeping every input. */
    public void edit() {
        if (phase.get() == Phase.FAILED) {
            phase.set(Phase.EDITING);
        }
    }

    private OsCatalogue catalogue = OsCatalogue.builtIn();
    /** The catalogue's OS chosen or detected; null while none is (the family alone then decides). */
    final ObjectProperty<OsCatalogue.Entry> osEntry = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper detected = new ReadOnlyStringWrapper("");
    /** The sizes the last catalogue entry set: replaced by the next entry's unless the user changed them. */
    private List<String> entrySizes = List.of();

    /** The OS catalogue (osinfo-db's where installed), read off the FX thread by whoever made this wizard. */
    public void setCatalogue(OsCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Catalogue entries for what the user typed, newest first. */
    public List<OsCatalogue.Entry> searchOs(String text) {
        return catalogue.search(text, 40);
    }

    /** The entry the user typed by its label, name or a short id; null when none is. */
    public OsCatalogue.Entry osEntryNamed(String text) {
        String t = text == null ? "" : text.strip();
        return catalogue.entries().stream().filter(e -> e.label().equalsIgnoreCase(t) || e.name().equalsIgnoreCase(t)).findFirst()
                .or(() -> catalogue.byShortId(t)).orElse(null);
    }

    public ObjectProperty<OsCatalogue.Entry> osEntryProperty() {
        return osEntry;
    }

    /** "Detected from the medium: Debian 11 (debian11)." or why not; empty before an ISO is chosen. */
    public ReadOnlyStringProperty detectedProperty() {
        return detected.getReadOnlyProperty();
    }

    /** The entry's family decides the devices; its recommended sizes replace the sizes the user has not changed. */
    private void chooseEntry(OsCatalogue.Entry entry) {
        if (entry == null) {
            return;
        }
        os.set(entry.preset());
        OsVariant family = entry.preset();
        List<String> familySizes = List.of(Integer.toString(family.suggestedVcpus()), family.suggestedMemoryMiB() + " MiB",
                family.suggestedDiskGiB() + " GiB");
        long ram = Math.max(entry.recRam(), entry.minRam());
        long storage = Math.max(entry.recStorage(), entry.minStorage());
        int cpus = Math.max(entry.recVcpus(), entry.minVcpus());
        List<String> sizes = List.of(cpus > 0 ? Integer.toString(cpus) : familySizes.get(0),
                ram > 0 ? (ram >> 20) + " MiB" : familySizes.get(1), storage > 0 ? (storage >> 30) + " GiB" : familySizes.get(2));
        List<StringProperty> fields = List.of(vcpus, memory, diskSize);
        for (int i = 0; i < fields.size(); i++) {
            String now = fields.get(i).get();
            if (now.equals(familySizes.get(i)) || entrySizes.size() == 3 && now.equals(entrySizes.get(i))) {
                fields.get(i).set(sizes.get(i));
            }
        }
        entrySizes = sizes;
    }

    /** The node and path whose medium was read last ("" before one), so it is read once. */
    private String detectedMedium = "";

    /** Reads the chosen ISO's labels (a ranged download on a remote node) and preselects the OS osinfo-db names for it. */
    private void detectMedium() {
        String path = installPath.get();
        NodeRef chosen = node.get();
        NodeFacts loaded = facts.get();
        String medium = chosen == null ? "" : chosen.id() + "\n" + path;
        if (medium.equals(detectedMedium) && "iso".equals(installKind.get())) {
            return;   // read already (facts read again after an upload): the user's choice since then stays
        }
        detected.set("");
        detectedMedium = "";
        if (!"iso".equals(installKind.get()) || path == null || path.isBlank() || chosen == null || !catalogue.fromOsinfo()
                || loaded == null) {
            return;
        }
        // Only a volume of the node can be read through libvirt: a path being typed is not asked after each key.
        if (loaded.pools().stream().flatMap(p -> p.volumes().stream()).noneMatch(v -> v.path().equals(path))) {
            return;
        }
        calls.run(() -> creation.isoLabel(chosen.id(), path))
                .unlessStale(() -> path.equals(installPath.get()) && chosen == node.get())
                .onSuccess(label -> {
                    detectedMedium = medium;
                    Optional<OsCatalogue.Entry> found = label.flatMap(l -> catalogue.detect(l, "x86_64"));
                    if (found.isPresent()) {
                        osEntry.set(found.get());
                        detected.set(Texts.get("osinfo.detected", found.get().label()));
                    } else {
                        detected.set(label.map(l -> Texts.get("osinfo.unknownMedium", l.volumeId())).orElse(Texts.get("osinfo.notIso")));
                    }
                })
                .onFailure(reason -> detected.set(""))
                .start();
    }

    private Predicate<NodeRef> inMaintenance = node -> false;
    private final ReadOnlyStringWrapper placement = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper placing = new ReadOnlyBooleanWrapper(false);

    /** Which nodes are in maintenance: Best fit leaves them out. */
    public void setInMaintenance(Predicate<NodeRef> inMaintenance) {
        this.inMaintenance = inMaintenance;
    }

    /**
     * Ranks the connected nodes (those in maintenance left out) for the VM as chosen so far, with the rules every
     * create follows, and chooses the best; {@link #placementProperty()} says why it won and why the others lost.
     */
    public void bestFit() {
        List<NodeRef> eligible = nodes.stream().filter(n -> !inMaintenance.test(n)).toList();
        List<NodeRef> skipped = nodes.stream().filter(inMaintenance).toList();
        SpecDraft current = draft();
        placing.set(true);
        placement.set("");
        Map<NodeRef, CompletableFuture<NodeFacts>> asked = new LinkedHashMap<>();
        eligible.forEach(n -> asked.put(n, creation.facts(n.id())));
        calls.run(() -> CompletableFuture.allOf(asked.values().stream().map(f -> f.exceptionally(e -> null))
                        .toArray(CompletableFuture[]::new)).thenApply(done -> {
                    Map<NodeRef, NodeFacts> known = new LinkedHashMap<>();
                    asked.forEach((n, f) -> {
                        NodeFacts loaded = f.getNow(null);
                        if (loaded != null) {
                            known.put(n, loaded);
                        }
                    });
                    return known;
                }))
                .always(() -> placing.set(false))
                .onFailure(placement::set)
                .onSuccess(known -> {
                    List<Placement.Candidate> ranked = Placement.rank(known, current, validator);
                    String text = Placement.explain(ranked);
                    if (!skipped.isEmpty()) {
                        text += "\n" + Texts.get("place.maintenance", String.join(", ", skipped.stream().map(NodeRef::name).toList()));
                    }
                    placement.set(text);
                    if (!ranked.isEmpty() && ranked.get(0).fits()) {
                        node.set(ranked.get(0).node());
                    }
                }).start();
    }

    /** The last Best fit's ranking in words; empty before one. */
    public ReadOnlyStringProperty placementProperty() {
        return placement.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty placingProperty() {
        return placing.getReadOnlyProperty();
    }

    public ObservableList<NodeRef> nodes() {
        return nodes;
    }

    public ObjectProperty<NodeRef> nodeProperty() {
        return node;
    }

    public ReadOnlyObjectProperty<NodeFacts> factsProperty() {
        return facts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty factsErrorProperty() {
        return factsError.getReadOnlyProperty();
    }

    public ObservableMap<SpecValidator.Field, String> errors() {
        return errors;
    }

    public ObservableMap<SpecValidator.Field, String> warnings() {
        return warnings;
    }

    public ReadOnlyObjectProperty<VmSpec> specProperty() {
        return spec.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty xmlProperty() {
        return xml.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ObservableList<CreationStep> steps() {
        return steps;
    }

    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }
}
