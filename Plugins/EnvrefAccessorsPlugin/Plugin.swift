import PackagePlugin

@main
struct EnvrefAccessorsPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] { [] }
}
