// The `WandbSettings` type itself is generated at build time by EnvrefAccessorsPlugin from the package's
// Content/variables.yaml; see the build log or the plugin's output folder for the generated source.

// Clients resolve settings with `SettingsInputs` and catch `SettingsError`, both from the runtime, so
// importing WandbSettings alone is enough.
@_exported import EnvrefRuntime
