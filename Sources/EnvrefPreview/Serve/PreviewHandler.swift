import FlyingFox
import Foundation

/// Answers the preview's requests: the site's files under its root path, the live-reload script,
/// and the build state. Pages get the script added, and every answer says not to cache it.
struct PreviewHandler: HTTPHandler {
    let session: PreviewSession
    let outputDirectory: String
    /// The path the site is published under (`/environment-variables/`), so root-relative links
    /// such as the 404 page's work as they will when published.
    let rootPath: String

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        // The raw target keeps a trailing slash, which `path` drops; folders need it.
        let requestPath = request.target.path()
        switch requestPath {
        case LiveReloadScript.path:
            return respond(.ok, Data(LiveReloadScript.source.utf8), type: "text/javascript; charset=utf-8")
        case LiveReloadScript.statePath:
            let since = request.query.first { $0.name == "since" }.flatMap { Int($0.value) } ?? -1
            let state = await session.state(after: since, timeout: .seconds(20))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return respond(.ok, try encoder.encode(state), type: "application/json")
        case "/", "":
            return HTTPResponse(statusCode: .found, headers: HTTPHeaders([.location: rootPath, .cacheControl: "no-store"]))
        default:
            return try await file(for: requestPath)
        }
    }

    private func file(for requestPath: String) async throws -> HTTPResponse {
        let version = await session.state.version
        guard let relative = Self.sitePath(requestPath, rootPath: rootPath) else { return try await notFound(version: version) }
        var path = outputDirectory + "/" + relative
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            guard relative.isEmpty || relative.hasSuffix("/") else {
                return HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders([.location: requestPath + "/", .cacheControl: "no-store"]))
            }
            path += "index.html"
        }
        guard let data = FileManager.default.contents(atPath: path) else { return try await notFound(version: version) }
        let type = Self.contentType(of: path)
        return respond(.ok, type.hasPrefix("text/html") ? Self.withLiveReload(data, version: version) : data, type: type)
    }

    private func notFound(version: Int) async throws -> HTTPResponse {
        let page = FileManager.default.contents(atPath: outputDirectory + "/404.html") ?? Data("Not found".utf8)
        return respond(.notFound, Self.withLiveReload(page, version: version), type: "text/html; charset=utf-8")
    }

    private func respond(_ status: HTTPStatusCode, _ body: Data, type: String) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: HTTPHeaders([.contentType: type, .cacheControl: "no-store"]), body: body)
    }

    /// The site-relative path a request names, or `nil` when it is outside the root path or tries
    /// to leave the site folder.
    static func sitePath(_ requestPath: String, rootPath: String) -> String? {
        guard let decoded = requestPath.removingPercentEncoding, decoded.hasPrefix(rootPath) else { return nil }
        let relative = String(decoded.dropFirst(rootPath.count))
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard !parts.contains(where: { $0 == ".." || $0 == "." || $0.hasPrefix(".") || $0.contains("\0") || $0.contains("\\") }) else {
            return nil
        }
        return relative
    }

    /// Adds the live-reload script before `</body>`, or at the end when there is none.
    static func withLiveReload(_ page: Data, version: Int) -> Data {
        var text = String(decoding: page, as: UTF8.self)
        let tag = LiveReloadScript.tag(version: version)
        if let end = text.range(of: "</body>", options: .backwards) {
            text.insert(contentsOf: tag + "\n", at: end.lowerBound)
        } else {
            text += tag
        }
        return Data(text.utf8)
    }

    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "md": "text/markdown; charset=utf-8"
        case "xml": "application/xml; charset=utf-8"
        case "json": "application/json"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "ico": "image/x-icon"
        default: "application/octet-stream"
        }
    }
}

extension HTTPHeader {
    static let cacheControl = HTTPHeader("Cache-Control")
}
