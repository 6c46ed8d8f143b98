; facts.scm - what the JavaScript / TypeScript / TSX extractor takes from a syntax tree. The same
; query is compiled against the three grammars, so it names only node types they share.
;
; Capture names are the contract with lib/lang/extract.c (see lib/lang/python/facts.scm); the
; @import matches go to lib/lang/javascript.c, which also reads `require("...")` declarations.

(function_declaration
  name: (identifier) @name
  parameters: (formal_parameters) @params) @definition.function

(generator_function_declaration
  name: (identifier) @name
  parameters: (formal_parameters) @params) @definition.function

(method_definition
  name: (_) @name
  parameters: (formal_parameters) @params) @definition.function

; const handler = async (event) => { ... }   /   const f = function (x) { ... }
(variable_declarator
  name: (identifier) @name
  value: (arrow_function parameters: (formal_parameters) @params) @definition.function)
(variable_declarator
  name: (identifier) @name
  value: (arrow_function parameter: (identifier) @params) @definition.function)
(variable_declarator
  name: (identifier) @name
  value: (function_expression parameters: (formal_parameters) @params) @definition.function)

; a function written inline as an argument: app.post("/ask", async (req, res) => { ... })
(arguments (arrow_function parameters: (formal_parameters) @params) @definition.function)
(arguments (arrow_function parameter: (identifier) @params) @definition.function)
(arguments (function_expression parameters: (formal_parameters) @params) @definition.function)

(class_declaration
  name: (_) @name
  (class_heritage)? @bases) @definition.class

; import x from "m"; import { a as b } from "m"; import * as ns from "m"
(import_statement) @import
; re-exports: export { a as b } from "m"; export * from "m"; export * as ns from "m"
(export_statement source: (string)) @import
; const x = require("m"); const { a, b: c } = require("m")
(variable_declarator
  value: (call_expression
    function: (identifier)
    arguments: (arguments . (string) .))) @import
; const { pipeline } = await import("@huggingface/transformers")
(variable_declarator
  value: (await_expression (call_expression
    function: (import)
    arguments: (arguments . (string) .)))) @import

; x = value   /   this.x = value   /   const x = value
(variable_declarator name: (identifier) @assign.left value: (_) @assign.right) @assign
(assignment_expression left: (identifier) @assign.left right: (_) @assign.right) @assign
(assignment_expression left: (member_expression) @assign.left right: (_) @assign.right) @assign

(call_expression) @reference.call
(new_expression) @reference.call

(return_statement (_) @return.value)
; () => new Client()
(arrow_function body: [(call_expression) (new_expression) (member_expression) (identifier)] @return.value)

; "use server" / "use client" at the top of a file
(program (expression_statement (string) @directive))

(string) @string
(template_string) @string
