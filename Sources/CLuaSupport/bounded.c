// `string.rep` and `table.move` as the standard library defines them, with their inner loops bounded:
// the standard ones can loop for hours without allocating (`string.rep("", math.maxinteger)`,
// `table.move({}, 1, 2^40, 2)`), where neither the cap nor the hook reaches them. These return at once
// when there is nothing to build, and check for a stop as they go.
#include "context.h"

#include <limits.h>
#include <string.h>

/// Raises the pending stop's error (from a C function, with no Swift frame on the stack).
static int raise_stop(lua_State *L) {
    dossier_context *ctx = context_of(L);
    dossier_record_location(ctx, L);
    dossier_arm_hook(L);
    ctx->hostDepth++;
    dossier_push_stop_message(L, ctx, atomic_load(&ctx->stopReason));
    ctx->hostDepth--;
    return lua_error(L);
}

static inline int stop_pending(lua_State *L) { return atomic_load(&context_of(L)->stopReason) != DOSSIER_STOP_NONE; }

/// How many iterations run between two checks for a stop.
enum { checkEvery = 1 << 16 };

static int bounded_rep(lua_State *L) {
    size_t length, separatorLength;
    const char *text = luaL_checklstring(L, 1, &length);
    lua_Integer count = luaL_checkinteger(L, 2);
    const char *separator = luaL_optlstring(L, 3, "", &separatorLength);
    if (count <= 0 || (length == 0 && separatorLength == 0)) {
        lua_pushliteral(L, "");
        return 1;
    }
    size_t maximum = sizeof(size_t) < sizeof(int) ? (size_t)~(size_t)0 : (size_t)INT_MAX;
    if (length + separatorLength < length || length + separatorLength > maximum / (size_t)count) {
        return luaL_error(L, "resulting string too large");
    }
    size_t total = (size_t)count * length + (size_t)(count - 1) * separatorLength;
    luaL_Buffer buffer;
    char *out = luaL_buffinitsize(L, &buffer, total);
    // One copy (and its separator), then the filled part doubled until the whole is filled: the text
    // repeats with the period of a copy and its separator, and the last copy has none after it.
    memcpy(out, text, length);
    size_t filled = length;
    if (count > 1) {
        memcpy(out + filled, separator, separatorLength);
        filled += separatorLength;
    }
    while (filled < total) {
        size_t chunk = filled < total - filled ? filled : total - filled;
        memcpy(out + filled, out, chunk);
        filled += chunk;
        if (stop_pending(L)) return raise_stop(L);
    }
    luaL_pushresultsize(&buffer, total);
    return 1;
}

/// True when the metatable on top has field `name` (read raw, as the standard library reads it).
static int has_metafield(lua_State *L, const char *name) {
    lua_pushstring(L, name);
    int present = lua_rawget(L, -2) != LUA_TNIL;
    lua_pop(L, 1);
    return present;
}

/// A table, or a value whose metatable gives the operations `move` needs (as the standard library
/// accepts).
static void check_movable(lua_State *L, int argument, int needsRead, int needsWrite) {
    if (lua_type(L, argument) == LUA_TTABLE) return;
    int fits = 0;
    if (lua_getmetatable(L, argument)) {
        fits = (!needsRead || has_metafield(L, "__index")) && (!needsWrite || has_metafield(L, "__newindex"));
        lua_pop(L, 1);
    }
    if (!fits) luaL_checktype(L, argument, LUA_TTABLE);
}

static int bounded_move(lua_State *L) {
    lua_Integer first = luaL_checkinteger(L, 2);
    lua_Integer last = luaL_checkinteger(L, 3);
    lua_Integer target = luaL_checkinteger(L, 4);
    int destination = lua_isnoneornil(L, 5) ? 1 : 5;
    check_movable(L, 1, 1, 0);
    check_movable(L, destination, 0, 1);
    if (last >= first) {
        luaL_argcheck(L, first > 0 || last < LUA_MAXINTEGER + first, 3, "too many elements to move");
        lua_Integer count = last - first + 1;
        luaL_argcheck(L, target <= LUA_MAXINTEGER - count + 1, 4, "destination wrap around");
        int forward = target > last || target <= first || (destination != 1 && !lua_compare(L, 1, destination, LUA_OPEQ));
        for (lua_Integer i = 0; i < count; i++) {
            lua_Integer step = forward ? i : count - 1 - i;
            lua_geti(L, 1, first + step);
            lua_seti(L, destination, target + step);
            if ((i & (checkEvery - 1)) == 0 && stop_pending(L)) return raise_stop(L);
        }
    }
    lua_pushvalue(L, destination);
    return 1;
}

void dossier_install_bounded_functions(lua_State *L) {
    if (lua_getglobal(L, "string") == LUA_TTABLE) {
        lua_pushcfunction(L, bounded_rep);
        lua_setfield(L, -2, "rep");
    }
    lua_pop(L, 1);
    if (lua_getglobal(L, "table") == LUA_TTABLE) {
        lua_pushcfunction(L, bounded_move);
        lua_setfield(L, -2, "move");
    }
    lua_pop(L, 1);
}
