import EnvrefRuntime
import Foundation
import Testing
import WandbSettings

/// The five layers, highest first: override, environment, project settings, user settings, default.
@Suite struct PrecedenceTests {
    @Test func eachLayerBeatsEveryLayerBelowIt() throws {
        let project = try TemporaryProject()
        // WANDB_PROJECT is set in all four layers, WANDB_ENTITY in the lower three, and so on down.
        try project.writeUserSettings("[default]\nproject = from-user\nentity = from-user\nnotes = from-user\nrun_group = from-user\n")
        try project.writeProjectSettings("[default]\nproject = from-project\nentity = from-project\nnotes = from-project\n")
        let settings = try WandbSettings(
            overrides: ["WANDB_PROJECT": "from-override"],
            inputs: project.inputs(["WANDB_PROJECT": "from-environment", "WANDB_ENTITY": "from-environment"]))
        #expect(settings.project == "from-override")
        #expect(settings.entity == "from-environment")
        #expect(settings.notes == "from-project")
        #expect(settings.runGroup == "from-user")
        #expect(settings.mode == .online)
        let sources = ["WANDB_PROJECT", "WANDB_ENTITY", "WANDB_NOTES", "WANDB_RUN_GROUP", "WANDB_MODE", "WANDB_JOB_TYPE"]
            .map { settings.resolution.source(of: $0) }
        #expect(sources == [.override, .environment, .projectSettings, .userSettings, .default, .default])
        #expect(settings.resolution["WANDB_NOTES"]?.filePath == project.workingDirectory.appending(path: "wandb/settings").path)
        #expect(settings.resolution["WANDB_RUN_GROUP"]?.filePath == project.home.appending(path: ".config/wandb/settings").path)
    }

    @Test func userSettingsFolderComesFromTheEnvironment() throws {
        let project = try TemporaryProject()
        let folder = project.root.appending(path: "custom-config")
        try project.writeUserSettings("[default]\nentity = from-custom-folder\n", in: folder)
        try project.writeUserSettings("[default]\nentity = from-default-folder\n")
        let settings = try WandbSettings(inputs: project.inputs(["WANDB_CONFIG_DIR": folder.path]))
        #expect(settings.entity == "from-custom-folder")
        #expect(settings.configDir == folder.path)
    }

    @Test func userSettingsFolderComesFromAnOverride() throws {
        let project = try TemporaryProject()
        try project.writeUserSettings("[default]\nentity = from-home\n", in: project.home.appending(path: "wb"))
        let settings = try WandbSettings(overrides: ["WANDB_CONFIG_DIR": "~/wb"], inputs: project.inputs(["WANDB_CONFIG_DIR": "/nonexistent"]))
        #expect(settings.entity == "from-home")
        #expect(settings.configDir == project.home.appending(path: "wb").path)
        #expect(settings.resolution.source(of: "WANDB_CONFIG_DIR") == .override)
    }

    @Test func emptyValuesFallThroughToTheLayerBelow() throws {
        let project = try TemporaryProject()
        try project.writeProjectSettings("[default]\nentity =\nproject = from-project\n")
        try project.writeUserSettings("[default]\nentity = from-user\n")
        let settings = try WandbSettings(overrides: ["WANDB_PROJECT": "  "], inputs: project.inputs(["WANDB_MODE": "", "WANDB_PROJECT": ""]))
        #expect(settings.entity == "from-user")
        #expect(settings.project == "from-project")
        #expect(settings.mode == .online)
        #expect(settings.resolution.source(of: "WANDB_MODE") == .default)
    }

    @Test func pathsExpandTheHomeFolderAndDefaultsApply() throws {
        let project = try TemporaryProject()
        let settings = try WandbSettings(overrides: ["WANDB_DIR": "~/runs", "WANDB_DATA_DIR": "~"], inputs: project.inputs())
        #expect(settings.dir == project.home.path + "/runs")
        #expect(settings.dataDir == project.home.path)
        #expect(settings.cacheDir == project.home.path + "/.cache/wandb")
        #expect(settings.artifactDir == "./artifacts")
        #expect(settings.baseURL == URL(string: "https://api.wandb.ai"))
        #expect(settings.tags == [])
        #expect(settings.apiKey == nil)
    }

    @Test func valuesAreParsedToTheirTypes() throws {
        let project = try TemporaryProject()
        let settings = try WandbSettings(
            overrides: ["WANDB_SILENT": "YES", "WANDB_QUIET": "0", "WANDB_BASE_URL": "http://localhost:8080"],
            inputs: project.inputs(["WANDB_TAGS": " baseline, ,resnet50 ,", "WANDB_DISABLE_GIT": "True", "WANDB_IGNORE_GLOBS": "*.ckpt"]))
        #expect(settings.silent == true)
        #expect(settings.quiet == false)
        #expect(settings.disableGit == true)
        #expect(settings.baseURL == URL(string: "http://localhost:8080"))
        #expect(settings.tags == ["baseline", "resnet50"])
        #expect(settings.ignoreGlobs == ["*.ckpt"])
    }

    @Test func unreadableSettingsFilesAreSkippedWithAWarning() throws {
        let project = try TemporaryProject()
        try FileManager.default.createDirectory(at: project.workingDirectory.appending(path: "wandb/settings"), withIntermediateDirectories: true)
        try project.write("", to: project.home.appending(path: ".config/wandb/placeholder"))
        try Data([0xff, 0xfe, 0x00]).write(to: project.home.appending(path: ".config/wandb/settings"))
        let settings = try WandbSettings(inputs: project.inputs())
        #expect(settings.resolution.warnings.map(\.message) == [
            "\(project.workingDirectory.path)/wandb/settings: is a folder, not a settings file; the file is ignored",
            "\(project.home.path)/.config/wandb/settings: is not UTF-8 text; the file is ignored",
        ])
    }

    @Test func malformedSettingsLinesAreSkippedWithAWarning() throws {
        let project = try TemporaryProject()
        try project.writeProjectSettings("[default]\nproject = kept\nnot a setting\n")
        let settings = try WandbSettings(inputs: project.inputs())
        #expect(settings.project == "kept")
        #expect(settings.resolution.warnings.map(\.description) == [
            "\(project.workingDirectory.path)/wandb/settings:3: 'not a setting' is not a 'key = value' line; the line is ignored",
        ])
    }

    @Test func percentSignsAreInterpolatedAndABadOneIsSkippedWithAWarning() throws {
        let project = try TemporaryProject()
        try project.writeProjectSettings("[DEFAULT]\nteam = acme\n[default]\nentity = %(team)s\nnotes = 50%% done\nproject = 100% sure\n")
        let settings = try WandbSettings(inputs: project.inputs())
        #expect(settings.entity == "acme")
        #expect(settings.notes == "50% done")
        #expect(settings.project == nil)
        #expect(settings.resolution.warnings.map(\.description) == [
            "\(project.workingDirectory.path)/wandb/settings:6: 'project' has a '%' that is neither '%%' nor the start of '%(name)s'; the line is ignored",
        ])
    }

    @Test func inputsDefaultToTheHomeFolderFromTheEnvironment() {
        let inputs = SettingsInputs(environment: ["HOME": "/home/someone"], workingDirectory: "/work")
        #expect(inputs.homeDirectory == "/home/someone")
        #expect(SettingsInputs(environment: [:], homeDirectory: "/explicit").homeDirectory == "/explicit")
    }
}
