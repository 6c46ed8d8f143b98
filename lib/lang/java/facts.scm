; facts.scm - what the Java extractor takes from a syntax tree.
;
; Capture names are the contract with lib/lang/extract.c (see lib/lang/python/facts.scm); the
; @import matches (imports and the package declaration) go to lib/lang/java.c. Annotations are
; the @decorator of the declaration that holds them; a class's superclass and interfaces are
; its @bases. @assign.type binds a field declared without a value to an instance of its type.

(method_declaration
  name: (identifier) @name
  parameters: (formal_parameters) @params) @definition.function
(constructor_declaration
  name: (identifier) @name
  parameters: (formal_parameters) @params) @definition.function
; a lambda: chatClient.stream(...).map(chunk -> ...), router.POST("/x", req -> ...)
(lambda_expression parameters: (_) @params) @definition.function

(class_declaration
  name: (identifier) @name
  superclass: (superclass)? @bases
  interfaces: (super_interfaces (type_list) @bases)?) @definition.class
(record_declaration
  name: (identifier) @name
  interfaces: (super_interfaces (type_list) @bases)?) @definition.class
(interface_declaration name: (identifier) @name) @definition.interface
(enum_declaration name: (identifier) @name) @definition.class

; @GetMapping("/chat") on a method, @RestController on a class
(method_declaration (modifiers [(annotation) (marker_annotation)] @decorator)) @decorated
(class_declaration (modifiers [(annotation) (marker_annotation)] @decorator)) @decorated

(package_declaration) @import
(import_declaration) @import

; private final ChatClient chatClient;   /   private static final String MODEL = "gpt-4o";
(field_declaration
  type: (_) @assign.type
  declarator: (variable_declarator name: (identifier) @assign.left !value)) @assign
(field_declaration
  declarator: (variable_declarator name: (identifier) @assign.left value: (_) @assign.right)) @assign
; @Value("${app.ai.model}") String model;  -> the placeholder, resolved from the configuration
(field_declaration
  (modifiers (annotation
    name: (identifier) @_value
    arguments: (annotation_argument_list . (string_literal) @assign.right .)))
  declarator: (variable_declarator name: (identifier) @assign.left)
  (#eq? @_value "Value")) @assign
(local_variable_declaration
  declarator: (variable_declarator name: (identifier) @assign.left value: (_) @assign.right)) @assign
(assignment_expression left: [(identifier) (field_access)] @assign.left right: (_) @assign.right) @assign

(method_invocation) @reference.call
(object_creation_expression) @reference.call

(return_statement (_) @return.value)
(lambda_expression body: [(method_invocation) (object_creation_expression)] @return.value)

(string_literal) @string
