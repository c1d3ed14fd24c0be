-- Neovim 0.7 (Debian bookworm) as a real LSP client of our server: opens a note,
-- attaches `node dist/server.js --stdio` the way a user's config would
-- (vim.lsp.start_client + buf_attach_client; vim.lsp.start is 0.8+), runs the
-- requests it is given and writes what it got as JSON. The mocha test
-- test/e2e/nvim/nvim.test.ts asserts on that file.
--   nvim --headless --clean -n -c "luafile client.lua"
-- Env: RN_SERVER (server.js), RN_NOTE (the note), RN_OUT (result JSON),
--      RN_CAPABILITIES (optional JSON merged into the client's capabilities, as a user's config does),
--      RN_REQUESTS (JSON list), each one of
--        { "method": "hover", "text": "딥시크(DeepSeek) V3.1", "at": "DeepSeek" }  -> { text }
--        { "method": "definition", "text": ..., "at": ... }  -> { file, line, lineText } after the jump
--        { "method": "insertComparisonTable" }  (at the end of the note) -> { result, text, undone }
--        { "method": "insertComparisonChart" }  (at the end of the note) -> { result, text, svgBuffer, svgFile }:
--          the note after the command, the SVG's buffer as the edit left it, the SVG file after :wall
--        { "method": "references", "text": ..., "at": ... }  -> { locations = { file, line, character } }
--        { "method": "workspaceSymbol", "text": query }  -> { symbols = { name, container, file } }
local t0 = vim.loop.hrtime()
local result = { log = {}, responses = {} }
local function say(message)
  table.insert(result.log, string.format('[%5dms] %s', math.floor((vim.loop.hrtime() - t0) / 1e6), message))
end
local function finish(ok)
  result.ok = ok
  local out = os.getenv('RN_OUT')
  local f = out and io.open(out, 'w') or io.stderr
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd(ok and 'qall!' or 'cquit! 1')
end

-- Never hang a CI job; the mocha test has its own deadline beyond this one.
vim.defer_fn(function() say('timeout after 45s'); finish(false) end, 45000)

local server, note, capabilities -- set from the environment in the protected part below
local client_id, initialized = nil, false
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'markdown',
  callback = function(args)
    if not client_id then
      client_id = vim.lsp.start_client({
        name = 'research-notes',
        cmd = { 'node', server, '--stdio' },
        root_dir = vim.fn.fnamemodify(note, ':p:h'),
        capabilities = capabilities,
        on_init = function() initialized = true end,
      })
      say('started client ' .. tostring(client_id))
    end
    vim.lsp.buf_attach_client(args.buf, client_id)
  end,
})

-- Cursor one character into `at` inside the first `text` (a literal, not a pattern).
local function place_cursor(text, at)
  vim.fn.cursor(1, 1)
  assert(vim.fn.search('\\V' .. vim.fn.escape(text, '\\'), 'cW') > 0, 'not in the note: ' .. text)
  local within = assert(text:find(at, 1, true), at .. ' is not part of ' .. text)
  vim.fn.cursor(vim.fn.line('.'), vim.fn.col('.') + within - 1)
  vim.cmd('normal! l')
end

-- The server may still be analysing the note just after it opened: ask again
-- until it answers with a hover, up to a deadline.
local function hover(request)
  place_cursor(request.text, request.at or request.text)
  local params = vim.lsp.util.make_position_params()
  local deadline = vim.loop.now() + 10000
  while true do
    local responses, err = vim.lsp.buf_request_sync(0, 'textDocument/hover', params, 10000)
    if err then return { error = err } end
    for _, response in pairs(responses or {}) do
      if response.error then return { error = vim.inspect(response.error) } end
      if response.result and response.result.contents then
        local lines = vim.lsp.util.convert_input_to_markdown_lines(response.result.contents)
        return { text = table.concat(lines, '\n') }
      end
    end
    if vim.loop.now() > deadline then return { text = vim.NIL } end
    vim.wait(100)
  end
end

-- Go to definition as `gd` would: request, jump, report where the cursor landed.
local function definition(request)
  place_cursor(request.text, request.at or request.text)
  local params = vim.lsp.util.make_position_params()
  local responses, err = vim.lsp.buf_request_sync(0, 'textDocument/definition', params, 10000)
  if err then return { error = err } end
  for _, response in pairs(responses or {}) do
    if response.error then return { error = vim.inspect(response.error) } end
    local location = response.result
    if location and location[1] then location = location[1] end
    if location then
      vim.lsp.util.jump_to_location(location, 'utf-16')
      local file, line = vim.api.nvim_buf_get_name(0), vim.fn.line('.')
      local text = vim.api.nvim_get_current_line()
      vim.cmd('buffer #') -- back to the note for the next request
      return { file = file, line = line, lineText = text }
    end
  end
  return { file = vim.NIL }
end

local function buffer_text()
  return table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n') .. '\n'
end

-- The server's command through workspace/executeCommand; the server answers only
-- after its workspace/applyEdit, which Neovim applies to the buffer. Then one undo.
local function insert_comparison_table()
  local params = {
    command = 'researchNotes.insertComparisonTable',
    arguments = { { uri = vim.uri_from_bufnr(0), position = { line = vim.api.nvim_buf_line_count(0), character = 0 } } },
  }
  local responses, err = vim.lsp.buf_request_sync(0, 'workspace/executeCommand', params, 10000)
  if err then return { error = err } end
  for _, response in pairs(responses or {}) do
    if response.error then return { error = vim.inspect(response.error) } end
    local text = buffer_text()
    vim.cmd('silent undo')
    return { result = response.result, text = text, undone = buffer_text() }
  end
  return { error = 'no response' }
end

-- The chart command through workspace/executeCommand: its edit creates the SVG file (empty),
-- fills its buffer and links it in the note; the user writes both with :wall.
local function insert_comparison_chart()
  local params = {
    command = 'researchNotes.insertComparisonChart',
    arguments = { { uri = vim.uri_from_bufnr(0), position = { line = vim.api.nvim_buf_line_count(0), character = 0 } } },
  }
  local responses, err = vim.lsp.buf_request_sync(0, 'workspace/executeCommand', params, 15000)
  if err then return { error = err } end
  for _, response in pairs(responses or {}) do
    if response.error then return { error = vim.inspect(response.error) } end
    local file = type(response.result) == 'table' and response.result.file
    if not file then return { result = response.result, text = buffer_text() } end
    local fname = vim.uri_to_fname(file)
    local svg_buffer = vim.fn.bufnr(fname)
    local svg = svg_buffer > 0 and table.concat(vim.api.nvim_buf_get_lines(svg_buffer, 0, -1, false), '\n') or vim.NIL
    vim.cmd('silent wall')
    return { result = response.result, text = buffer_text(), svgBuffer = svg, svgFile = table.concat(vim.fn.readfile(fname), '\n') }
  end
  return { error = 'no response' }
end

-- Find All References as `vim.lsp.buf.references()` asks: every mention across the workspace's notes.
local function references(request)
  place_cursor(request.text, request.at or request.text)
  local params = vim.lsp.util.make_position_params()
  params.context = { includeDeclaration = false }
  local responses, err = vim.lsp.buf_request_sync(0, 'textDocument/references', params, 15000)
  if err then return { error = err } end
  for _, response in pairs(responses or {}) do
    if response.error then return { error = vim.inspect(response.error) } end
    local found = {}
    for _, location in ipairs(response.result or {}) do
      table.insert(found, { file = vim.fn.fnamemodify(vim.uri_to_fname(location.uri), ':t'), line = location.range.start.line, character = location.range.start.character })
    end
    return { locations = found }
  end
  return { error = 'no response' }
end

-- `:lua vim.lsp.buf.workspace_symbol(query)`'s request: entity names and note counts.
local function workspace_symbol(request)
  local responses, err = vim.lsp.buf_request_sync(0, 'workspace/symbol', { query = request.text }, 15000)
  if err then return { error = err } end
  for _, response in pairs(responses or {}) do
    if response.error then return { error = vim.inspect(response.error) } end
    local found = {}
    for _, symbol in ipairs(response.result or {}) do
      table.insert(found, { name = symbol.name, container = symbol.containerName, file = vim.fn.fnamemodify(vim.uri_to_fname(symbol.location.uri), ':t') })
    end
    return { symbols = found }
  end
  return { error = 'no response' }
end

local handlers = {
  hover = hover,
  definition = definition,
  insertComparisonTable = insert_comparison_table,
  insertComparisonChart = insert_comparison_chart,
  references = references,
  workspaceSymbol = workspace_symbol,
}

local function env(name) return os.getenv(name) or error(name .. ' unset') end
local ok, err = xpcall(function()
  server, note = env('RN_SERVER'), env('RN_NOTE')
  local extra = os.getenv('RN_CAPABILITIES')
  capabilities = vim.tbl_deep_extend('force', vim.lsp.protocol.make_client_capabilities(), extra and vim.fn.json_decode(extra) or {})
  local requests = vim.fn.json_decode(env('RN_REQUESTS'))
  vim.cmd('edit ' .. vim.fn.fnameescape(note))
  say('opened ' .. note .. ' filetype=' .. vim.bo.filetype)
  assert(vim.wait(15000, function() return initialized end, 50), 'server did not initialize within 15s')
  say('server initialized')
  for _, request in ipairs(requests) do
    local handler = handlers[request.method] or error('unsupported request ' .. tostring(request.method))
    local response = handler(request)
    say(request.method .. ' ' .. vim.inspect(request) .. ': ' .. vim.inspect(response))
    table.insert(result.responses, response)
  end
  vim.lsp.stop_client(client_id)
end, debug.traceback)
if not ok then say('ERROR ' .. tostring(err)) end
finish(ok)
