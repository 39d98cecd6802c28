print("envref-swiftgen")
