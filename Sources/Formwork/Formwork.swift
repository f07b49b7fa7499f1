// The module Formwork users import: the DSL, the template model and the command line.
@_exported import FormworkCLI
@_exported import FormworkCore
@_exported import FormworkSchema
@_exported import FormworkTemplate
