import EnvrefRegistry

/// libFuzzer entry point: loads the input as `variables.yaml` through the same call `envref validate` makes.
///
/// Diagnostics are the loader's intended answer to bad input, so they are not findings; only a crash,
/// a trap, a timeout or a leak is.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRegistryLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let result = RegistryLoader.load(bytes: bytes, path: "variables.yaml")
    // Rendering every diagnostic exercises the location and message code that users see.
    for diagnostic in result.diagnostics { _ = diagnostic.description }
    return 0
}
