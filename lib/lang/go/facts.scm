; facts.scm - what the Go extractor takes from a syntax tree.
;
; Capture names are the contract with lib/lang/extract.c (see lib/lang/python/facts.scm);
; @import matches go to lib/lang/go.c. A method's @receiver makes it a member of its type;
; @assign.type binds a name to an instance of a type (a struct field, `var c *openai.Client`).

(function_declaration
  name: (identifier) @name
  parameters: (parameter_list) @params) @definition.function

(method_declaration
  receiver: (parameter_list) @receiver
  name: (field_identifier) @name
  parameters: (parameter_list) @params) @definition.function

; a function written inline: http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { ... })
(func_literal parameters: (parameter_list) @params) @definition.function

; type Server struct { ... }   /   type Generator interface { ... }
(type_spec name: (type_identifier) @name type: (struct_type)) @definition.class
(type_spec name: (type_identifier) @name type: (interface_type)) @definition.interface

(import_spec) @import

; x := f()   /   resp, err := f()   /   x = f()   /   s.client = f()
(short_var_declaration
  left: (expression_list . (identifier) @assign.left)
  right: (expression_list . (_) @assign.right)) @assign
(assignment_statement
  left: (expression_list . [(identifier) (selector_expression)] @assign.left)
  right: (expression_list . (_) @assign.right)) @assign
(var_spec name: (identifier) @assign.left value: (expression_list . (_) @assign.right)) @assign
(const_spec name: (identifier) @assign.left value: (expression_list . (_) @assign.right)) @assign
; var c *openai.Client   /   struct { client *openai.Client }
(var_spec name: (identifier) @assign.left type: (_) @assign.type !value) @assign
(field_declaration name: (field_identifier) @assign.left type: (_) @assign.type) @assign
; return &Server{client: openai.NewClient(key)}: what a Server's client may be
(composite_literal
  type: (type_identifier)
  body: (literal_value (keyed_element
    key: (literal_element (identifier) @assign.left)
    value: (literal_element (_) @assign.right)))) @assign

(call_expression) @reference.call
; openai.ChatCompletionRequest{Model: openai.GPT4o}: a composite literal reads like a call of its type
(composite_literal type: [(qualified_type) (type_identifier) (generic_type)]) @reference.call

(return_statement (expression_list . (_) @return.value))

(interpreted_string_literal) @string
(raw_string_literal) @string
