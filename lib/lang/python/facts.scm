; facts.scm - what the Python extractor takes from a syntax tree.
;
; Capture names are the contract with lib/lang/python.c: @definition.* with @name (and
; @params / @bases), @import.* , @assign.left / @assign.right, @reference.call, @return.value,
; @string, @docstring and @decorator. Expressions under these captures are turned into symbolic
; trees by the extractor; the query only says where facts are.

(function_definition
  name: (identifier) @name
  parameters: (parameters) @params) @definition.function

(class_definition
  name: (identifier) @name
  superclasses: (argument_list)? @bases) @definition.class

(decorated_definition
  (decorator (_) @decorator)
  definition: (_) @decorated)

; import a.b   /   import a.b as c
(import_statement name: (dotted_name) @import.module) @import
(import_statement
  name: (aliased_import name: (dotted_name) @import.module alias: (identifier) @import.alias)) @import

; from m import a   /   from m import a as b   /   from m import *
(import_from_statement
  module_name: (_) @import.from
  name: (dotted_name) @import.name) @import
(import_from_statement
  module_name: (_) @import.from
  name: (aliased_import name: (dotted_name) @import.name alias: (identifier) @import.alias)) @import
(import_from_statement
  module_name: (_) @import.from
  (wildcard_import) @import.star) @import

; x = value   /   self.x = value   /   x: T = value
(assignment left: (identifier) @assign.left right: (_) @assign.right) @assign
(assignment left: (attribute) @assign.left right: (_) @assign.right) @assign

; with Client() as c:
(with_item value: (as_pattern (_) @assign.right alias: (as_pattern_target (identifier) @assign.left))) @assign

(call) @reference.call

; if __name__ == "__main__": (the condition's text is checked by the extractor)
(module (if_statement condition: (comparison_operator)) @main)

(return_statement (_) @return.value)

; A string that is a statement of its own is a docstring (or dead text): never a finding.
(expression_statement (string) @docstring)

(string) @string
