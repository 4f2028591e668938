// Handles: light userdata that name an item of the model by kind (a tag) and index, with no allocation
// and no finalizer; their shared metatable's `__index` reads an integer column in C or asks Swift. And
// sequences: query userdata that a generic `for` steps through in C.
#include "context.h"

#include <limits.h>
#include <stdlib.h>

static dossier_handle_get_fn getHandleProperty;

void dossier_install_handle_callback(dossier_handle_get_fn get) { getHandleProperty = get; }

void dossier_push_handle(lua_State *L, int tag, long long index) {
    lua_pushlightuserdata(L, (void *)handle_bits(tag, index));
}

int dossier_to_handle(lua_State *L, int index, int *tag, long long *item) {
    if (lua_type(L, index) != LUA_TLIGHTUSERDATA) return 0;
    uintptr_t bits = (uintptr_t)lua_touserdata(L, index);
    *tag = handle_tag(bits);
    *item = handle_index_of(bits);
    return *tag != 0;
}

/// Upvalues: 1 members by tag (each a table from name to a method, or to a property id), 2 the
/// provider's holder.
static int handle_index(lua_State *L) {
    uintptr_t bits = (uintptr_t)lua_touserdata(L, 1);
    int tag = handle_tag(bits);
    if (lua_rawgeti(L, lua_upvalueindex(1), tag) != LUA_TTABLE) return 0;
    lua_pushvalue(L, 2);
    /* Not raw: a members table may have an `__index` that refuses unknown members (strict kinds). */
    int type = lua_gettable(L, -2);
    if (type != LUA_TNUMBER) return type == LUA_TNIL ? 0 : 1; /* a method, or nothing */
    int property = (int)lua_tointegerx(L, -1, NULL);
    dossier_context *ctx = context_of(L);
    struct handle_columns *columns = ctx->columns[tag];
    size_t item = (size_t)handle_index_of(bits);
    if (columns != NULL && property >= 0 && property < DOSSIER_MAX_COLUMNS && columns->values[property] != NULL
        && item < columns->count[property]) {
        long long value = columns->values[property][item];
        if (value == LLONG_MIN) lua_pushnil(L); else lua_pushinteger(L, (lua_Integer)value);
        return 1;
    }
    lua_settop(L, 2);
    void *provider = *(void **)lua_touserdata(L, lua_upvalueindex(2));
    ctx->hostDepth++;
    int results = getHandleProperty(L, provider, tag, handle_index_of(bits), property);
    ctx->hostDepth--;
    return dossier_finish_swift_call(L, ctx, results);
}

static int handle_newindex(lua_State *L) {
    if (lua_type(L, 2) == LUA_TSTRING) {
        return luaL_error(L, "cannot set field '%s': the model's objects are read-only", lua_tostring(L, 2));
    }
    return luaL_error(L, "cannot set a field: the model's objects are read-only");
}

void dossier_new_handle_metatable(lua_State *L, int membersIndex, void *provider) {
    membersIndex = lua_absindex(L, membersIndex);
    lua_createtable(L, 0, 10);
    lua_pushvalue(L, membersIndex);
    dossier_push_box_holder(L, provider);
    lua_pushcclosure(L, handle_index, 2);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, handle_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushliteral(L, "object");
    lua_setfield(L, -2, "__metatable");
    lua_pushlightuserdata(L, NULL);
    lua_pushvalue(L, -2);
    lua_setmetatable(L, -2);
    lua_pop(L, 1);
}

void dossier_set_handle_column(lua_State *L, int tag, int property, const long long *values, size_t count) {
    dossier_context *ctx = context_of(L);
    if (tag < 0 || tag > 255 || property < 0 || property >= DOSSIER_MAX_COLUMNS) return;
    if (ctx->columns[tag] == NULL) ctx->columns[tag] = calloc(1, sizeof(struct handle_columns));
    if (ctx->columns[tag] == NULL) return;
    ctx->columns[tag]->values[property] = values;
    ctx->columns[tag]->count[property] = count;
}

typedef struct {
    void *object; /* first, as in object_slot */
    unsigned reads;
    const long long *items;
    size_t count;
    size_t cursor;
    int tag;
} sequence_slot;

void dossier_push_sequence(lua_State *L, void *object, int metatableIndex, const long long *items, size_t count, int tag) {
    metatableIndex = lua_absindex(L, metatableIndex);
    sequence_slot *slot = lua_newuserdatauv(L, sizeof(sequence_slot), 0);
    slot->object = object;
    slot->reads = 0;
    slot->items = items;
    slot->count = count;
    slot->cursor = 0;
    slot->tag = tag;
    lua_pushvalue(L, metatableIndex);
    lua_setmetatable(L, -2);
}

/// Item `position` of a sequence: its list, or the position itself when it has none (every item).
static inline long long sequence_item(const sequence_slot *slot, size_t position) {
    return slot->items != NULL ? slot->items[position] : (long long)position;
}

int dossier_sequence_call(lua_State *L) {
    sequence_slot *slot = lua_touserdata(L, 1);
    if (slot == NULL || slot->object == NULL) return 0;
    size_t next;
    if (lua_type(L, 3) <= LUA_TNIL) {
        next = 0;
    } else {
        uintptr_t previous = (uintptr_t)lua_touserdata(L, 3);
        if (slot->cursor > 0 && slot->cursor <= slot->count
            && handle_bits(slot->tag, sequence_item(slot, slot->cursor - 1)) == previous) {
            next = slot->cursor;
        } else {
            // Not the item this sequence handed out last (nested loops over one query): find it.
            next = slot->count;
            for (size_t i = 0; i < slot->count; i++) {
                if (handle_bits(slot->tag, sequence_item(slot, i)) == previous) { next = i + 1; break; }
            }
        }
    }
    if (next >= slot->count) {
        lua_pushnil(L);
        return 1;
    }
    slot->cursor = next + 1;
    lua_pushlightuserdata(L, (void *)handle_bits(slot->tag, sequence_item(slot, next)));
    return 1;
}

