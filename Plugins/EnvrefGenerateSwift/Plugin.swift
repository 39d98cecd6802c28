import PackagePlugin

@main
struct EnvrefGenerateSwift: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {}
}
