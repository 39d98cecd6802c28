import EnvrefDocs
import FlyingFox
import Foundation

/// `envref preview`: serves the site folder on the loopback interface, rebuilds it when the content
/// or templates change, and tells open pages to reload.
public struct PreviewServer: Sendable {
    /// The build to rerun.
    public var build: PreviewBuild
    /// The folders whose edits trigger a rebuild.
    public var watchedFolders: [String]
    /// The path the site is served under.
    public var rootPath: String
    /// The port; 0 lets the system pick a free one.
    public var port: UInt16
    /// How often the folders are looked at.
    public var watchInterval: Duration

    /// Creates a server.
    public init(build: PreviewBuild, watchedFolders: [String], rootPath: String, port: UInt16,
                watchInterval: Duration = .milliseconds(250)) {
        self.build = build
        self.watchedFolders = watchedFolders
        self.rootPath = rootPath
        self.port = port
        self.watchInterval = watchInterval
    }

    /// Builds once, then serves and watches until cancelled. `listening` receives the site's address.
    public func run(report: @escaping @Sendable (String) -> Void, listening: @escaping @Sendable (String) -> Void) async throws {
        let session = PreviewSession(build: build, watchedFolders: watchedFolders, report: report)
        await session.rebuild()
        let server = HTTPServer(
            address: try .inet(ip4: "127.0.0.1", port: port), logger: .disabled,
            handler: PreviewHandler(session: session, outputDirectory: build.outputDirectory, rootPath: rootPath))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            group.addTask {
                try await server.waitUntilListening()
                if case .ip4(let host, let port)? = await server.listeningAddress {
                    listening("http://\(host):\(port)\(rootPath)")
                }
                await session.watch(every: watchInterval)
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// The path part of a site's base URL, `/` when it has none.
    public static func rootPath(forBaseURL baseURL: String?) -> String {
        guard let baseURL, let path = URLComponents(string: baseURL)?.path, !path.isEmpty else { return "/" }
        return path.hasSuffix("/") ? path : path + "/"
    }
}
