package eu.urbanagenda.kb.model.tests.codegen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.IWorkspaceRunnable;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.emf.codegen.ecore.generator.Generator;
import org.eclipse.emf.codegen.ecore.genmodel.GenModel;
import org.eclipse.emf.codegen.ecore.genmodel.GenPackage;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenBaseGeneratorAdapter;
import org.eclipse.emf.common.util.BasicMonitor;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.plugin.EcorePlugin;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;

/**
 * Runs EMF's own generator (org.eclipse.emf.codegen.ecore, the same code the headless
 * {@code org.eclipse.emf.codegen.ecore.Generator} application runs) on the model's genmodel, inside this OSGi
 * runtime. The two bundles are opened as workspace projects at the given folders, so the generator merges into
 * what is there (keeping {@code @generated NOT} methods) exactly as it does in the IDE.
 */
public final class EmfCodeGeneration {

    public static final String MODEL_PROJECT = "eu.urbanagenda.kb.model";
    public static final String EDIT_PROJECT = "eu.urbanagenda.kb.model.edit";
    public static final String GENMODEL = "model/urbanagenda.genmodel";

    private EmfCodeGeneration() {
    }

    /**
     * Brings the genmodel in line with the ecore (new classes and features get default settings, removed ones
     * go), saves it in {@code modelDir}, then generates the model code into {@code modelDir} and the item providers
     * into {@code editDir}.
     *
     * @return the generator's warnings (empty when all went well)
     * @throws CoreException when the genmodel is invalid or the generator reports an error
     */
    public static List<String> generate(Path modelDir, Path editDir) throws CoreException {
        IWorkspace workspace = ResourcesPlugin.getWorkspace();
        List<String> warnings = new ArrayList<>();
        IWorkspaceRunnable run = monitor -> {
            IProject model = openProject(workspace, MODEL_PROJECT, modelDir);
            IProject edit = openProject(workspace, EDIT_PROJECT, editDir);
            try {
                GenModel genModel = loadAndReconcile();
                IStatus status = genModel.validate();
                if (status.getSeverity() == IStatus.ERROR) {
                    throw new CoreException(status);
                }
                genModel.setCanGenerate(true);
                Generator generator = new Generator();
                generator.setInput(genModel);
                check(generator.generate(genModel, GenBaseGeneratorAdapter.MODEL_PROJECT_TYPE, new BasicMonitor()), warnings);
                check(generator.generate(genModel, GenBaseGeneratorAdapter.EDIT_PROJECT_TYPE, new BasicMonitor()), warnings);
            } finally {
                model.delete(IResource.NEVER_DELETE_PROJECT_CONTENT | IResource.FORCE, null);
                edit.delete(IResource.NEVER_DELETE_PROJECT_CONTENT | IResource.FORCE, null);
                // The workspace's own bookkeeping in the project folders is not part of the bundles.
                deleteQuietly(modelDir.resolve(".project"));
                deleteQuietly(editDir.resolve(".project"));
                deleteTreeQuietly(modelDir.resolve(".settings"));
                deleteTreeQuietly(editDir.resolve(".settings"));
            }
        };
        workspace.run(run, new NullProgressMonitor());
        return warnings;
    }

    private static GenModel loadAndReconcile() throws CoreException {
        ResourceSet resourceSet = new ResourceSetImpl();
        resourceSet.getURIConverter().getURIMap().putAll(EcorePlugin.computePlatformURIMap(true));
        URI uri = URI.createPlatformResourceURI("/" + MODEL_PROJECT + "/" + GENMODEL, true);
        Resource resource = resourceSet.getResource(uri, true);
        GenModel genModel = (GenModel) resource.getContents().get(0);
        genModel.reconcile();
        List<EPackage> ePackages = new ArrayList<>();
        for (GenPackage genPackage : genModel.getGenPackages()) {
            ePackages.add(genPackage.getEcorePackage());
        }
        genModel.initialize(ePackages);
        genModel.reconcile();
        try {
            resource.save(null);
        } catch (IOException e) {
            throw new CoreException(Status.error("Cannot save " + uri + ": " + e.getMessage(), e));
        }
        return genModel;
    }

    private static void check(Diagnostic diagnostic, List<String> warnings) throws CoreException {
        if (diagnostic.getSeverity() == Diagnostic.ERROR) {
            throw new CoreException(Status.error("EMF generator: " + describe(diagnostic), diagnostic.getException()));
        }
        if (diagnostic.getSeverity() == Diagnostic.WARNING) {
            warnings.add(describe(diagnostic));
        }
    }

    private static String describe(Diagnostic diagnostic) {
        StringBuilder text = new StringBuilder(String.valueOf(diagnostic.getMessage()));
        for (Diagnostic child : diagnostic.getChildren()) {
            text.append("\n  ").append(describe(child));
        }
        return text.toString();
    }

    private static IProject openProject(IWorkspace workspace, String name, Path location) throws CoreException {
        IProject project = workspace.getRoot().getProject(name);
        if (project.exists()) {
            project.delete(IResource.NEVER_DELETE_PROJECT_CONTENT | IResource.FORCE, null);
        }
        IProjectDescription description = workspace.newProjectDescription(name);
        description.setLocation(IPath.fromOSString(location.toAbsolutePath().toString()));
        project.create(description, null);
        project.open(null);
        project.setDefaultCharset("UTF-8", null);
        project.refreshLocal(IResource.DEPTH_INFINITE, null);
        return project;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // best effort: a left-over workspace file in a scratch copy harms nothing
        }
    }

    private static void deleteTreeQuietly(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(EmfCodeGeneration::deleteQuietly);
        } catch (IOException e) {
            // best effort, see above
        }
    }
}
